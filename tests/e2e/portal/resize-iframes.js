// Resizes every <iframe data-recap-viewer> to the height the Recap Viewer inside reports.
window.addEventListener('message', (event) => {
  for (const frame of document.querySelectorAll('iframe[data-recap-viewer]')) {
    if (event.source !== frame.contentWindow) continue;
    if (event.origin !== new URL(frame.src).origin) return;
    const { type, height } = event.data ?? {};
    if (type === 'recap-viewer:height' && Number.isFinite(height) && height > 0) {
      frame.style.height = `${Math.ceil(height)}px`;
    }
  }
});
