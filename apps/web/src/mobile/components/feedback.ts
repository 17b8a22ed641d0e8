import i18n from '../../app/i18n.ts';

// Toast and confirm without antd-mobile's Mask/Popup, which would bring @react-spring into /m.

let toastNode: HTMLDivElement | null = null;
let toastTimer = 0;

/** A short message above the bottom bar; a new one replaces the old. */
export function toast(message: string, durationMs = 2500): void {
  if (!toastNode) {
    toastNode = document.createElement('div');
    toastNode.className = 'axm-toast';
    toastNode.setAttribute('role', 'status');
    toastNode.setAttribute('aria-live', 'polite');
    toastNode.dataset.testid = 'm-toast';
    document.body.append(toastNode);
  }
  toastNode.textContent = message;
  toastNode.classList.add('visible');
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => toastNode?.classList.remove('visible'), durationMs);
}

/** A modal yes/no question on a native <dialog> (focus trap, Esc and backdrop come with it). */
export function confirm(message: string): Promise<boolean> {
  const ok = i18n.t('common.ok');
  const cancel = i18n.t('common.cancel');
  if (typeof HTMLDialogElement !== 'function') return Promise.resolve(window.confirm(message));
  return new Promise((resolve) => {
    const dialog = document.createElement('dialog');
    dialog.className = 'axm-dialog';
    const text = document.createElement('p');
    text.textContent = message;
    const actions = document.createElement('div');
    actions.className = 'axm-dialog-actions';
    const button = (label: string, value: string, testId: string) => {
      const node = document.createElement('button');
      node.type = 'button';
      node.textContent = label;
      node.value = value;
      node.dataset.testid = testId;
      node.addEventListener('click', () => dialog.close(value));
      return node;
    };
    actions.append(button(cancel, 'cancel', 'm-confirm-cancel'), button(ok, 'ok', 'm-confirm-ok'));
    dialog.append(text, actions);
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close('cancel');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
