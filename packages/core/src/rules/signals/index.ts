export { computeSignals } from './compute-signals';
export { type ManagerSignal, type ManagerSignalView, signalsVisibleToManager } from './manager-view';
export { type SignalMessageKey, signalMessages } from './signal-messages';
export {
  type AskedForSupportSignal,
  type MustNotBeRejectedSignal,
  type PersonalSignals,
  personalSignalsSchema,
  SIGNAL_KINDS,
  type Signal,
  type SignalDataPoint,
  type SignalKind,
  type SignalLevel,
  type SignalOptions,
  type SignalsInput,
  signalOptionsSchema,
  signalSchema,
  signalsInputSchema,
  TRENDS,
  type Trend,
  type TrendSignal,
} from './signal-schema';
