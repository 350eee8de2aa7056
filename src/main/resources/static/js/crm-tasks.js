// CRM tasks and rules: "add a row" in the rule editor clones the last row of the table, emptied.
document.addEventListener('click', function (e) {
  var button = e.target.closest('[data-add-row]');
  if (!button) return;
  var table = document.querySelector('[data-testid="' + button.getAttribute('data-add-row') + '"] tbody');
  if (!table || !table.lastElementChild) return;
  var row = table.lastElementChild.cloneNode(true);
  row.querySelectorAll('input, textarea').forEach(function (i) { i.value = ''; });
  row.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
  table.appendChild(row);
  var first = row.querySelector('select, input');
  if (first) first.focus();
});
