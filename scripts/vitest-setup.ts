// Runs in every test worker. Property tests use a fixed seed so that a CI run is reproducible; explore other
// seeds locally with FC_SEED=<n> (a failure prints its seed and counterexample).
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
