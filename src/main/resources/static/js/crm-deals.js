// The deal board: drag a card to another column (HTML5 drag and drop), or move it with its stage select, or with
// the arrow keys on a focused card. Each move is a POST with the CSRF token and the card's version; a stale card
// (409: someone moved or changed the deal meanwhile) reloads the board, a LOST column asks for the reason first.
(() => {
  const csrf = () => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { [header.content]: token.content } : {};
  };

  const board = () => document.getElementById('board');

  const askLostReason = () => new Promise((resolve) => {
    const dialog = document.getElementById('lost-dialog');
    const reason = dialog.querySelector('textarea');
    reason.value = '';
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && reason.value.trim() ? reason.value.trim() : null);
    }, { once: true });
    dialog.showModal();
    reason.focus();
  });

  const refresh = async () => {
    const response = await fetch(window.location.href, { headers: { Accept: 'text/html' } });
    const html = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = html.getElementById('board');
    if (fresh) {
      board().replaceWith(fresh);
    }
  };

  const showError = (text) => {
    let alert = document.getElementById('board-error');
    if (!alert) {
      alert = document.createElement('div');
      alert.id = 'board-error';
      alert.className = 'alert alert--error';
      alert.setAttribute('role', 'alert');
      alert.dataset.testid = 'board-error';
      board().before(alert);
    }
    alert.textContent = text;
  };

  const move = async (card, column) => {
    if (!card || !column || card.closest('.crm-col') === column) {
      return;
    }
    let lostReason = '';
    if (column.dataset.outcome === 'LOST') {
      lostReason = await askLostReason();
      if (lostReason === null) {
        return;
      }
    }
    const body = new URLSearchParams({ stageId: column.dataset.stage, version: card.dataset.version, lostReason });
    card.classList.add('crm-card--moving');
    const response = await fetch(`/admin/crm/deals/${card.dataset.deal}/move`, {
      method: 'POST',
      headers: { ...csrf(), 'X-Board': '1', 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
    });
    if (response.status === 409) {
      showError(board().dataset.stale);
      window.location.reload();
      return;
    }
    if (!response.ok) {
      card.classList.remove('crm-card--moving');
      const problem = await response.json().catch(() => ({}));
      showError(problem.detail || response.statusText);
      return;
    }
    const focusId = card.dataset.deal;
    await refresh();
    const moved = document.querySelector(`.crm-card[data-deal="${focusId}"]`);
    if (moved) {
      moved.focus();
    }
  };

  document.addEventListener('dragstart', (event) => {
    const card = event.target.closest && event.target.closest('.crm-card');
    if (card) {
      event.dataTransfer.setData('text/plain', card.dataset.deal);
      event.dataTransfer.effectAllowed = 'move';
      card.classList.add('crm-card--dragging');
    }
  });
  document.addEventListener('dragend', (event) => {
    const card = event.target.closest && event.target.closest('.crm-card');
    if (card) {
      card.classList.remove('crm-card--dragging');
    }
    document.querySelectorAll('.crm-col--over').forEach((c) => c.classList.remove('crm-col--over'));
  });
  document.addEventListener('dragover', (event) => {
    const column = event.target.closest && event.target.closest('.crm-col');
    if (column) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      document.querySelectorAll('.crm-col--over').forEach((c) => c !== column && c.classList.remove('crm-col--over'));
      column.classList.add('crm-col--over');
    }
  });
  document.addEventListener('drop', (event) => {
    const column = event.target.closest && event.target.closest('.crm-col');
    if (column) {
      event.preventDefault();
      column.classList.remove('crm-col--over');
      const id = event.dataTransfer.getData('text/plain');
      move(document.querySelector(`.crm-card[data-deal="${id}"]`), column);
    }
  });
  // The stage select on each card: the same move, without leaving the board.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.matches && form.matches('form[data-card-move]')) {
      event.preventDefault();
      const card = form.closest('.crm-card');
      move(card, document.querySelector(`.crm-col[data-stage="${form.elements.stageId.value}"]`));
    }
  });
  // Arrow keys on a focused card move it to the neighbouring column.
  document.addEventListener('keydown', (event) => {
    const card = event.target.classList && event.target.classList.contains('crm-card') ? event.target : null;
    if (!card || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) {
      return;
    }
    event.preventDefault();
    const column = card.closest('.crm-col');
    move(card, event.key === 'ArrowRight' ? column.nextElementSibling : column.previousElementSibling);
  });
})();
