// A WAI-ARIA toolbar: one Tab stop, arrow keys move between buttons, so keyboard users cross the
// toolbar in one step on their way to the text.
import { icon } from './icons.js';

// groups: [{ label, visible?(), buttons: [{ label, title?, icon?, text?, run(), pressed?(), enabled?() }] }]
export function createToolbar({ label, controls, groups }) {
    const element = document.createElement('div');
    element.className = 'rich-text-toolbar btn-toolbar gap-1';
    element.setAttribute('role', 'toolbar');
    element.setAttribute('aria-label', label);
    element.setAttribute('aria-controls', controls);

    const entries = [];
    const groupEntries = groups.map((group) => {
        const box = document.createElement('div');
        box.className = 'btn-group btn-group-sm';
        box.setAttribute('role', 'group');
        box.setAttribute('aria-label', group.label);
        for (const spec of group.buttons) {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = spec.text ? 'btn btn-outline-secondary' : 'btn btn-outline-secondary rich-text-icon';
            button.setAttribute('aria-label', spec.label);
            button.title = spec.title || spec.label;
            button.tabIndex = -1;
            if (spec.icon) {
                button.append(icon(spec.icon));
            } else {
                button.textContent = spec.text;
            }
            if (spec.pressed) {
                button.setAttribute('aria-pressed', 'false');
            }
            // Keeps the text selection in the editor while the mouse presses a button.
            button.addEventListener('mousedown', (event) => event.preventDefault());
            button.addEventListener('click', () => {
                if (button.getAttribute('aria-disabled') !== 'true') {
                    spec.run();
                }
            });
            box.append(button);
            entries.push({ button, spec });
        }
        element.append(box);
        return { box, group };
    });

    let current = 0;

    function usable() {
        return entries.filter((entry) => !entry.button.closest('[hidden]'));
    }

    function setCurrent(button) {
        for (const entry of entries) {
            entry.button.tabIndex = entry.button === button ? 0 : -1;
        }
        current = entries.findIndex((entry) => entry.button === button);
    }

    element.addEventListener('focusin', (event) => {
        if (event.target instanceof HTMLButtonElement) {
            setCurrent(event.target);
        }
    });

    element.addEventListener('keydown', (event) => {
        const visible = usable();
        const index = visible.findIndex((entry) => entry.button === document.activeElement);
        if (index < 0) {
            return;
        }
        const target = {
            ArrowRight: (index + 1) % visible.length,
            ArrowLeft: (index - 1 + visible.length) % visible.length,
            Home: 0,
            End: visible.length - 1,
        }[event.key];
        if (target !== undefined) {
            event.preventDefault();
            visible[target].button.focus();
        }
    });

    function refresh() {
        for (const { box, group } of groupEntries) {
            if (group.visible) {
                box.hidden = !group.visible();
            }
        }
        for (const { button, spec } of entries) {
            if (spec.pressed) {
                button.setAttribute('aria-pressed', String(Boolean(spec.pressed())));
                button.classList.toggle('active', Boolean(spec.pressed()));
            }
            if (spec.enabled) {
                const enabled = Boolean(spec.enabled());
                button.setAttribute('aria-disabled', String(!enabled));
                button.classList.toggle('rich-text-disabled', !enabled);
            }
        }
        // The Tab stop must stay on a button that can be reached.
        const visible = usable();
        if (!visible.some((entry) => entry.button.tabIndex === 0) && visible.length) {
            setCurrent(visible[Math.min(current, visible.length - 1)].button);
        }
    }

    function focus() {
        const visible = usable();
        (visible.find((entry) => entry.button.tabIndex === 0) || visible[0])?.button.focus();
    }

    setCurrent(entries[0].button);
    return { element, refresh, focus };
}
