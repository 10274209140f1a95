// Progressive enhancement of the Hulpwijzer's listing form: while the editor types, the resident
// card beside the form is drawn again by the server (the same component residents see). Without
// this script the "Voorbeeld bekijken" button does the same with a page load.
(() => {
  const form = document.querySelector('form[data-voorbeeld]');
  const card = document.getElementById('voorbeeld-kaart');
  if (!form || !card || !window.fetch || !window.URLSearchParams) return;
  let timer = 0;
  let running = null;
  const refresh = async () => {
    if (running) running.abort();
    running = new AbortController();
    const body = new URLSearchParams(new FormData(form));
    body.set('actie', 'voorbeeld');
    try {
      const response = await fetch(form.getAttribute('data-voorbeeld'), {
        method: 'POST',
        body,
        credentials: 'same-origin',
        signal: running.signal,
      });
      if (response.ok) card.innerHTML = await response.text();
    } catch {
      // A failed refresh keeps the last card; the button still works.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
