// Small glue for htmx: send the CSRF token with every htmx request, and mark the current nav entry.
document.addEventListener('DOMContentLoaded', () => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    document.body.addEventListener('htmx:configRequest', (event) => {
      event.detail.headers[header.content] = token.content;
    });
  }
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.submit());
  });
  // A file over the limit is refused before it is sent; the server refuses it too, but only after the upload.
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach((input) => {
    input.addEventListener('change', () => {
      const tooLarge = Array.from(input.files).some((file) => file.size > Number(input.dataset.maxBytes));
      input.setCustomValidity(tooLarge ? input.dataset.tooLarge : '');
      input.reportValidity();
    });
  });
  const path = window.location.pathname;
  document.querySelectorAll('.mainnav a').forEach((link) => {
    if (link.getAttribute('href') === path) {
      link.setAttribute('aria-current', 'page');
    }
  });
});
