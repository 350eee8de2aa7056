// Pricing back office. A form marked data-confirm asks first (a bulk price change is not undone by a click).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);
// Escape in a row being edited is its Cancel. (Not an htmx trigger filter: those need eval, which the CSP forbids.)
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !(event.target instanceof Element)) {
    return;
  }
  const cancel = event.target.closest('[data-cancel-on-escape]')?.querySelector('[data-cancel]');
  if (cancel) {
    event.preventDefault();
    cancel.click();
  }
});
