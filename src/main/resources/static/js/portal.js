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
  // "Add a row" under a table of inputs: a copy of its last row, emptied (the split-delivery table of the checkout).
  document.querySelectorAll('button[data-add-row]').forEach((button) => {
    button.addEventListener('click', () => {
      const body = document.getElementById(button.dataset.addRow);
      const copy = body.lastElementChild.cloneNode(true);
      copy.querySelectorAll('input').forEach((input) => { input.value = ''; });
      copy.querySelectorAll('select').forEach((select) => { select.selectedIndex = 0; });
      const number = String(body.children.length + 1);
      copy.querySelectorAll('[aria-label]').forEach((field) => {
        field.setAttribute('aria-label', field.getAttribute('aria-label').replace(/\d+(?!.*\d)/, number));
      });
      body.appendChild(copy);
      copy.querySelector('select, input').focus();
    });
  });
  const path = window.location.pathname;
  document.querySelectorAll('.mainnav a').forEach((link) => {
    if (link.getAttribute('href') === path) {
      link.setAttribute('aria-current', 'page');
    }
  });
});
