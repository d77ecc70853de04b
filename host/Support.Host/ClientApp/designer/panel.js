// The property panel: a form generated from the selected activity's descriptor (its typed inputs,
// with their labels and help, and where each outcome leads), a connection, or, when nothing is
// selected, the workflow's name and variables.
import { t } from './i18n.js';
import { label } from './model.js';

let fieldCount = 0;

function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
        if (value === false || value == null) continue;
        if (key === 'className') node.className = value;
        else node.setAttribute(key, value === true ? '' : value);
    }
    node.append(...children.filter((c) => c != null));
    return node;
}

function field(labelText, control, help, required) {
    const id = `designer-field-${++fieldCount}`;
    control.id = id;
    const wrapper = element('div', { className: 'mb-3' });
    const labelElement = element('label', { for: id, className: control.type === 'checkbox' ? 'form-check-label' : 'form-label' }, labelText);
    // The asterisk stays out of the label, so that the field's accessible name is the input's name alone.
    const star = required ? element('span', { className: 'text-danger ms-1', 'aria-hidden': 'true', title: t.required }, '*') : null;
    if (required) control.setAttribute('aria-required', 'true');
    if (control.type === 'checkbox') {
        wrapper.className = 'form-check mb-3';
        wrapper.append(control, labelElement, star ?? '');
    } else {
        wrapper.append(labelElement, star ?? '', control);
    }
    if (help) {
        const helpId = `${id}-help`;
        control.setAttribute('aria-describedby', helpId);
        wrapper.append(element('div', { id: helpId, className: 'form-text' }, help));
    }
    return wrapper;
}

/** The editor of one input, after its descriptor's UI hint. */
function inputControl(input, expression, catalog) {
    const value = expression?.value ?? input.defaultValue ?? '';
    switch (input.hint) {
        case 'Dropdown': {
            const select = element('select', { className: 'form-select' });
            let options = input.options ?? [];
            if (input.name === 'Calendar') options = ['', ...catalog.calendars];
            if (!options.includes(value)) options = [value, ...options];
            for (const option of options) {
                const event = catalog.events.find((e) => e.name === option);
                const text = option === '' ? t.none : event ? `${event.displayName} (${option})` : option;
                select.append(element('option', { value: option, selected: option === value }, text));
            }
            return select;
        }
        case 'Checkbox':
            return element('input', { type: 'checkbox', className: 'form-check-input', checked: value === 'true' });
        case 'Multiline':
            return element('textarea', { className: 'form-control', rows: '4' }, value);
        case 'JavaScript':
            return element('textarea', { className: 'form-control font-monospace', rows: '3', spellcheck: 'false' }, value);
        case 'Number':
            return element('input', { type: 'number', className: 'form-control', value, step: 'any' });
        case 'Duration':
            return element('input', { type: 'text', className: 'form-control', value, placeholder: '04:00:00', inputmode: 'text' });
        default:
            return element('input', { type: 'text', className: 'form-control', value });
    }
}

function controlValue(control) {
    return control.type === 'checkbox' ? String(control.checked) : control.value;
}

/**
 * Shows the form of an activity. On each control's change event, update receives a function that edits a
 * copy of the activity as it stands (the stored one is never mutated, so the history keeps the previous state).
 */
export function renderActivity(container, activity, descriptor, catalog, problems, outcomes, update, onDelete) {
    container.replaceChildren();
    container.append(element('h2', { className: 'h6 mb-1' }, descriptor?.displayName ?? activity.type));
    if (descriptor?.description) container.append(element('p', { className: 'small text-secondary' }, descriptor.description));
    if (problems.length > 0) {
        container.append(element('ul', { className: 'designer-problems-here small text-danger ps-3', 'data-testid': 'activity-problems' },
            ...problems.map((p) => element('li', {}, p.message))));
    }

    const name = element('input', { type: 'text', className: 'form-control', value: activity.name ?? '', required: true });
    name.addEventListener('change', () => update((a) => { a.name = name.value.trim(); }));
    container.append(field(t.name, name, t.nameHelp, true));

    for (const input of descriptor?.inputs ?? []) {
        const expression = activity.inputs?.[input.name]?.expression;
        const control = inputControl(input, expression, catalog);
        if (control.tagName === 'INPUT' && control.type === 'text') control.setAttribute('list', 'designer-variable-names');
        const fixedKind = input.hint === 'Dropdown' || input.hint === 'Checkbox';
        const defaultKind = input.hint === 'JavaScript' ? 'JavaScript' : 'Literal';
        let kindSelect = null;
        const write = () => update((a) => {
            a.inputs ??= {};
            const value = controlValue(control);
            const kind = kindSelect?.value ?? expression?.type ?? defaultKind;
            if (value === '' && !input.required) delete a.inputs[input.name];
            else a.inputs[input.name] = { ...(a.inputs[input.name] ?? {}), expression: { type: kind, value } };
        });
        control.addEventListener('change', write);
        const wrapper = field(input.displayName, control, input.description, input.required && input.defaultValue == null);
        if (!fixedKind) {
            kindSelect = element('select', { className: 'form-select form-select-sm designer-kind', 'aria-label': `${input.displayName}: ${t.kind}` });
            for (const kind of ['Literal', 'JavaScript', 'Variable']) {
                kindSelect.append(element('option', { value: kind, selected: kind === (expression?.type ?? defaultKind) }, t.kinds[kind]));
            }
            kindSelect.addEventListener('change', write);
            wrapper.append(kindSelect);
        }
        container.append(wrapper);
    }

    container.append(outcomesSection(outcomes));
    container.append(element('datalist', { id: 'designer-variable-names' },
        ...(catalog.variables ?? []).map((v) => element('option', { value: v.name }))));
    container.append(element('p', { className: 'small text-secondary mb-2' }, `${t.id}: `, element('code', {}, activity.id)));
    const remove = element('button', { type: 'button', className: 'btn btn-sm btn-outline-danger' }, t.deleteActivity);
    remove.addEventListener('click', onDelete);
    container.append(remove);
}

/**
 * "Then": for each outcome port, the activity it leads to, chosen from a list: the way to connect without
 * dragging (keyboard, screen reader). A port connected to several activities shows the first.
 */
export function outcomesSection({ ports, targets, current, connect }) {
    const section = element('section', { className: 'designer-outcomes mb-3', 'aria-label': t.then, hidden: ports.length === 0 },
        element('h3', { className: 'h6 mb-1' }, t.then),
        element('p', { className: 'small text-secondary mb-2' }, t.thenHelp));
    for (const port of ports) {
        const select = element('select', { className: 'form-select form-select-sm' });
        select.append(element('option', { value: '', selected: !current.get(port) }, t.nothing));
        for (const target of targets) {
            select.append(element('option', { value: target.id, selected: current.get(port) === target.id }, label(target)));
        }
        select.addEventListener('change', () => connect(port, select.value));
        section.append(field(t.outcome(t.port(port)), select, null, false));
    }
    return section;
}

export function renderConnection(container, from, port, to, onDelete) {
    container.replaceChildren(element('p', { className: 'small' }, t.connection(label(from), t.port(port), label(to))));
    const remove = element('button', { type: 'button', className: 'btn btn-sm btn-outline-danger' }, t.deleteConnection);
    remove.addEventListener('click', onDelete);
    container.append(remove);
}

/** With nothing selected: the workflow's name and its variables (name, type, initial value). */
export function renderWorkflow(container, definition, onRename, onVariables) {
    container.replaceChildren();
    const name = element('input', { type: 'text', className: 'form-control', value: definition.name ?? '', required: true });
    name.addEventListener('change', () => onRename(name.value.trim()));
    container.append(field(t.workflowName, name, null, true));
    container.append(element('p', { className: 'small text-secondary' }, t.noSelection));

    const variables = structuredClone(definition.variables ?? []);
    const section = element('section', { 'aria-label': t.variables, 'data-testid': 'variables' },
        element('h3', { className: 'h6' }, t.variables),
        element('p', { className: 'small text-secondary' }, t.variablesHelp));
    const commit = (rerender) => {
        onVariables(structuredClone(variables));
        if (rerender) renderWorkflow(container, { ...definition, variables }, onRename, onVariables);
    };
    variables.forEach((variable, index) => {
        const row = element('div', { className: 'designer-variable mb-2' });
        const nameInput = element('input', { type: 'text', className: 'form-control form-control-sm', value: variable.name ?? '', 'aria-label': t.variableName, placeholder: t.variableName });
        nameInput.addEventListener('change', () => { variable.name = nameInput.value.trim(); commit(false); });
        const type = element('select', { className: 'form-select form-select-sm', 'aria-label': `${t.variableType} (${variable.name || index + 1})` });
        for (const option of ['String', 'Number', 'Boolean', 'Object']) {
            type.append(element('option', { value: option, selected: option === (variable.type ?? 'String') }, t.variableTypes[option]));
        }
        type.addEventListener('change', () => { variable.type = type.value; commit(false); });
        const value = element('input', { type: 'text', className: 'form-control form-control-sm', value: variable.value ?? '', 'aria-label': `${t.variableValue} (${variable.name || index + 1})`, placeholder: t.variableValue });
        value.addEventListener('change', () => {
            if (value.value === '') delete variable.value;
            else variable.value = value.value;
            commit(false);
        });
        const remove = element('button', { type: 'button', className: 'btn btn-sm btn-outline-danger', 'aria-label': t.removeVariable(variable.name || String(index + 1)), title: t.removeVariable(variable.name || String(index + 1)) }, '×');
        remove.addEventListener('click', () => { variables.splice(index, 1); commit(true); });
        row.append(nameInput, type, value, remove);
        section.append(row);
    });
    const add = element('button', { type: 'button', className: 'btn btn-sm btn-outline-secondary' }, t.addVariable);
    add.addEventListener('click', () => {
        let n = variables.length + 1;
        while (variables.some((v) => v.name === `variable${n}`)) n += 1;
        variables.push({ name: `variable${n}`, type: 'String' });
        commit(true);
        container.querySelectorAll('.designer-variable input')[(variables.length - 1) * 2]?.focus();
    });
    section.append(add);
    container.append(section);
}

export { element };
