/**
 * The HR tool's page: two slots where Rebound's cards are rendered by the official `adaptivecards` renderer,
 * with markdown processing on (as Teams does). Every card action is POSTed to `/api/submit`; the answer is
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
    body { font-family: 'Segoe UI', 'Noto Sans CJK JP', sans-serif; background: #f3f2f1; margin: 0; padding: 24px; }
    main { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; }
    section { width: 480px; background: #fff; border-radius: 6px; border: 1px solid #e1dfdd; }
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
    const lang = new URLSearchParams(location.search).get('lang') === 'ja' ? 'ja' : 'en';

    function show(slot, json) {
      const card = new AC.AdaptiveCard();
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
        show(slot, body.card);
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
        .then((json) => { show(slot, json); document.getElementById(slot).dataset.ready = 'true'; });
    }
  </script>
</body>
</html>`;
}
