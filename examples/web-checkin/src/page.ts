/**
 * The HR tool's page: two slots where Rebound's cards are rendered by the official `adaptivecards` renderer,
 * with markdown processing on (as Teams does), in Rebound's light, dark or high-contrast host config
 * (`?theme=`, else the system's colour scheme). Every card action is POSTed to `/api/submit`; the answer is
 * the next card for that slot (an acknowledgement, or the error card saying what was wrong).
 */
export function pageHtml(): string {
  return `<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>Rebound in our HR portal</title>
  <link rel="stylesheet" href="/static/adaptivecards.css">
  <style>
    /* Page colours per theme; the cards' own colours come from Rebound's host configs (light, dark, high contrast). */
    :root { --page: #f3f2f1; --surface: #ffffff; --border: #e1dfdd; --text: #242424; --accent: #4f52b2;
      --on-accent: #ffffff; --danger: #c4314b; --field: #ffffff; --field-border: #8a8886; }
    [data-theme="dark"] { --page: #1f1f1f; --surface: #292929; --border: #3d3d3d; --text: #ffffff; --accent: #a6a7dc;
      --on-accent: #1f1f1f; --danger: #ff7a8a; --field: #1f1f1f; --field-border: #adadad; }
    [data-theme="high-contrast"] { --page: #000000; --surface: #000000; --border: #ffffff; --text: #ffffff;
      --accent: #ffff00; --on-accent: #000000; --danger: #ff9494; --field: #000000; --field-border: #ffffff; }
    body { font-family: 'Segoe UI', 'Noto Sans CJK JP', sans-serif; background: var(--page); color: var(--text); margin: 0; padding: 24px; }
    main { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
    section { width: 450px; max-width: 100%; background: var(--surface); border-radius: 6px; border: 1px solid var(--border); }
    .ac-pushButton { font-family: inherit; background: var(--surface); color: var(--accent); border: 1px solid var(--accent); }
    .ac-pushButton.style-positive, .ac-pushButton.expanded { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
    .ac-pushButton.style-destructive { background: var(--danger); color: var(--on-accent); border-color: var(--danger); }
    .ac-pushButton.expandable:after { font-family: inherit; font-size: inherit; content: " ▾"; }
    .ac-pushButton.expandable.expanded:after { content: " ▴"; }
    input.ac-input, select.ac-input, textarea.ac-input, .ac-input input:not([type="checkbox"]):not([type="radio"]),
    .ac-input select, .ac-input textarea { background: var(--field); color: var(--text); border-color: var(--field-border); }
    /* The "…" menu of secondary actions: the renderer positions it, the page draws it. */
    .ac-ctrl-overlay { position: absolute; left: 0; top: 0; z-index: 10; }
    .ac-ctrl-popup-container { position: absolute; background: var(--surface); color: var(--text);
      border: 1px solid var(--border); border-radius: 4px; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.25); padding: 4px 0; }
    .ac-ctrl-dropdown-item { display: block; padding: 6px 12px; cursor: pointer; white-space: nowrap; }
    .ac-ctrl-dropdown-item:hover, .ac-ctrl-dropdown-item:focus { background: var(--accent); color: var(--on-accent); }
  </style>
  <script src="/static/markdown-it.js"></script>
  <script src="/static/adaptivecards.js"></script>
</head>
<body>
  <h1>Rebound</h1>
  <main>
    <section id="check-in" data-slot="check-in"></section>
    <section id="log" data-slot="log"></section>
  </main>
  <script>
    const AC = window.AdaptiveCards;
    const md = window.markdownit();
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = md.render(text);
      result.didProcess = true;
    };
    const params = new URLSearchParams(location.search);
    const lang = params.get('lang') === 'ja' ? 'ja' : 'en';
    // ?theme=light|dark|high-contrast, else what the person's system asks for.
    const THEMES = ['light', 'dark', 'high-contrast'];
    const theme = THEMES.includes(params.get('theme'))
      ? params.get('theme')
      : matchMedia('(forced-colors: active)').matches
        ? 'high-contrast'
        : matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
    document.documentElement.dataset.theme = theme;
    const hostConfigs = fetch('/static/host-configs.json').then((r) => r.json());

    async function show(slot, json) {
      const card = new AC.AdaptiveCard();
      card.hostConfig = new AC.HostConfig((await hostConfigs)[theme]);
      card.parse(json);
      card.onExecuteAction = async (action) => {
        if (action instanceof AC.OpenUrlAction) return window.open(action.url, '_blank', 'noopener');
        const host = document.getElementById(slot);
        host.setAttribute('aria-busy', 'true');
        const response = await fetch('/api/submit?lang=' + lang, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: action.data }),
        });
        const body = await response.json();
        await show(slot, body.card);
        host.dataset.status = String(response.status);
        host.removeAttribute('aria-busy');
      };
      // Each card gets its own <form>: radio groups are scoped by form, and both cards have a "visibility" group.
      const form = document.createElement('form');
      form.addEventListener('submit', (event) => event.preventDefault());
      form.append(card.render());
      document.getElementById(slot).replaceChildren(form);
    }

    for (const slot of ['check-in', 'log']) {
      fetch('/api/cards/' + slot + '?lang=' + lang)
        .then((r) => r.json())
        .then((json) => show(slot, json))
        .then(() => { document.getElementById(slot).dataset.ready = 'true'; });
    }
  </script>
</body>
</html>`;
}
