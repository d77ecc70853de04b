// The workflow designer on X6: a palette generated from the activity descriptors, the flowchart, a
// property panel, one undo/redo history for every edit, copy and paste, zoom, automatic layout and a
// JSON view. The form's JSON textarea stays the field that is submitted (Save draft, Publish), so the
// page works without JavaScript and the server validates exactly what it would store.
import { Config, Graph, History } from '@antv/x6';
import { graphlib, layout } from '@dagrejs/dagre';
import { t } from './i18n.js';
import { findProblems, hasInputPort, newId, newName, outcomesOf } from './model.js';
import { element, outcomesSection, renderActivity, renderConnection, renderWorkflow } from './panel.js';

// The rules of x6's style sheet are bundled into designer.css: a <style> element would break the CSP.
Config.autoInsertCSS = false;

const NODE_WIDTH = 210;
const NODE_HEIGHT = 66;
const PORT_SPACING = 80;

Graph.registerNode('workflow-activity', {
    inherit: 'rect',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    markup: [
        { tagName: 'rect', selector: 'body' },
        { tagName: 'text', selector: 'title' },
        { tagName: 'text', selector: 'subtitle' },
        {
            tagName: 'g', selector: 'marker', className: 'activity-marker',
            children: [
                { tagName: 'circle', selector: 'markerDot' },
                { tagName: 'text', selector: 'markerText' },
            ],
        },
    ],
    attrs: {
        body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: '#ffffff', stroke: '#8c959f', strokeWidth: 1.5 },
        title: { refX: 12, refY: 24, fontSize: 14, fontWeight: 600, fill: '#212529', textAnchor: 'start', textVerticalAnchor: 'middle' },
        subtitle: { refX: 12, refY: 44, fontSize: 11, fill: '#595f66', textAnchor: 'start', textVerticalAnchor: 'middle' },
        marker: { display: 'none' },
        markerDot: { refX: '100%', r: 10, fill: '#b02a37' },
        markerText: { refX: '100%', text: '!', fill: '#ffffff', fontSize: 13, fontWeight: 700, textAnchor: 'middle', textVerticalAnchor: 'middle' },
    },
    ports: {
        groups: {
            in: {
                position: 'top',
                attrs: { circle: { r: 7, magnet: 'passive', stroke: '#495057', strokeWidth: 1.5, fill: '#ffffff' } },
            },
            out: {
                position: 'bottom',
                label: { position: { name: 'bottom', args: { y: 4 } } },
                attrs: {
                    circle: { r: 7, magnet: true, stroke: '#0a58ca', strokeWidth: 1.5, fill: '#0d6efd', cursor: 'crosshair' },
                    text: { fontSize: 11, fill: '#343a40' },
                },
            },
        },
    },
}, true);

function truncate(text, length) {
    return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export class WorkflowDesigner {
    constructor(form, catalog) {
        this.form = form;
        this.catalog = catalog;
        this.descriptors = new Map(catalog.activities.map((d) => [d.type, d]));
        this.textarea = form.querySelector('textarea[name="Json"]');
        this.jsonEditor = form.querySelector('[data-json-editor]');
        this.serverProblems = [...document.querySelectorAll('[data-problems] li')].map((li) => ({
            activityId: li.dataset.activity || null, message: li.textContent.trim(),
        }));
        this.selected = null;
        this.loading = false;
        this.lastWritten = this.textarea.value;
        this.dirty = form.dataset.unsaved === 'true';
        // One history for the diagram and the workflow's own fields: X6's History records the diagram's changes
        // ('graph' steps, replayed by it), and this list orders them with the name and variable edits
        // ({ key, prev, next }), so that Undo and Redo walk every edit in the order it was made.
        this.undoSteps = [];
        this.redoSteps = [];
        this.clipboard = null;
    }

    start() {
        this.document = JSON.parse(this.textarea.value);
        this.build();
        this.load(this.document);
        this.form.addEventListener('submit', () => this.beforeSubmit());
        this.guardUnsavedChanges();
    }

    build() {
        const root = element('div', { className: 'designer', 'data-testid': 'designer' });
        const toolbar = element('div', { className: 'designer-toolbar btn-toolbar gap-2 mb-2', role: 'toolbar', 'aria-label': t.toolbar });
        const button = (text, action, extra = {}) => {
            const b = element('button', { type: 'button', className: 'btn btn-sm btn-outline-secondary', ...extra }, text);
            b.addEventListener('click', action);
            return b;
        };
        this.undoButton = button(t.undo, () => this.undo(), { title: 'Ctrl+Z' });
        this.redoButton = button(t.redo, () => this.redo(), { title: 'Ctrl+Y' });
        this.copyButton = button(t.copy, () => this.copySelected(), { title: 'Ctrl+C' });
        this.pasteButton = button(t.paste, () => this.paste(), { title: 'Ctrl+V' });
        this.deleteButton = button(t.remove, () => this.removeSelected(), { title: t.remove });
        this.jsonButton = button(t.json, () => this.toggleJson(), { 'aria-pressed': 'false' });
        this.status = element('span', { className: 'small text-secondary align-self-center', 'data-testid': 'designer-status', role: 'status' }, t.saved);
        toolbar.append(
            element('div', { className: 'btn-group' }, this.undoButton, this.redoButton),
            element('div', { className: 'btn-group' }, this.copyButton, this.pasteButton),
            element('div', { className: 'btn-group' },
                button('+', () => this.graph.zoom(0.2), { 'aria-label': t.zoomIn, title: t.zoomIn }),
                button('−', () => this.graph.zoom(-0.2), { 'aria-label': t.zoomOut, title: t.zoomOut }),
                button(t.fit, () => this.fit())),
            button(t.layout, () => this.autoLayout()),
            this.deleteButton,
            this.jsonButton,
            this.status);

        const palette = element('nav', { className: 'designer-palette', 'aria-label': t.palette },
            element('h2', { className: 'h6' }, t.palette),
            element('p', { className: 'small text-secondary' }, t.paletteHelp));
        // The server lists the descriptors in palette order, grouped by category.
        const categories = new Map();
        for (const descriptor of this.catalog.activities) {
            if (!categories.has(descriptor.category)) categories.set(descriptor.category, []);
            categories.get(descriptor.category).push(descriptor);
        }
        for (const [category, descriptors] of categories) {
            const list = element('ul', { className: 'list-unstyled mb-3' });
            for (const descriptor of descriptors) {
                const item = element('li', {
                    className: 'designer-palette-item', tabindex: '0', role: 'button',
                    title: descriptor.description, 'data-activity-type': descriptor.type,
                }, descriptor.displayName);
                item.addEventListener('pointerdown', (e) => this.dragFromPalette(e, descriptor));
                item.addEventListener('keydown', (e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        this.addBelow(descriptor.type);
                    }
                });
                item.addEventListener('dblclick', () => this.addBelow(descriptor.type));
                list.append(item);
            }
            palette.append(element('h3', { className: 'designer-category' }, category), list);
        }

        this.canvas = element('div', { className: 'designer-graph' });
        this.emptyHint = element('p', { className: 'designer-empty', hidden: true }, t.emptyCanvas);
        const canvasFrame = element('div', { className: 'designer-canvas', tabindex: '0', role: 'application', 'aria-label': t.canvas, 'data-testid': 'canvas' }, this.canvas, this.emptyHint);
        this.canvasFrame = canvasFrame;

        this.panel = element('div', { className: 'designer-panel-body' });
        const side = element('aside', { className: 'designer-panel', 'aria-label': t.properties, 'data-testid': 'properties' },
            element('h2', { className: 'h6 text-uppercase text-secondary small' }, t.properties), this.panel);

        this.problemList = element('ul', { className: 'designer-problems small mb-0', 'data-testid': 'designer-problems' });
        const problems = element('section', { className: 'designer-problem-box', 'aria-label': t.problems },
            element('h2', { className: 'h6 mb-1' }, t.problems), this.problemList);

        this.applyButton = element('button', { type: 'button', className: 'btn btn-sm btn-outline-primary mb-2', hidden: true }, t.applyJson);
        this.applyButton.addEventListener('click', () => this.applyJson());
        this.jsonMessage = element('p', { className: 'small', role: 'status' });

        root.append(toolbar, element('div', { className: 'designer-body' }, palette, canvasFrame, side), problems);
        this.form.prepend(root);
        this.jsonEditor.hidden = true;
        this.jsonEditor.append(this.applyButton, this.jsonMessage);

        this.graph = new Graph({
            container: this.canvas,
            autoResize: true,
            background: { color: '#f8f9fa' },
            grid: { visible: true, size: 10, type: 'dot', args: { color: '#ced4da' } },
            panning: { enabled: true, eventTypes: ['leftMouseDown'] },
            mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.3, maxScale: 2 },
            connecting: {
                snap: { radius: 30 },
                allowBlank: false,
                allowLoop: false,
                allowNode: false,
                allowEdge: false,
                allowMulti: 'withPort',
                highlight: true,
                connector: { name: 'smooth' },
                createEdge: () => this.graph.createEdge(this.edgeStyle()),
                validateMagnet: ({ magnet }) => magnet.getAttribute('port-group') === 'out',
                validateConnection: ({ sourceMagnet, targetMagnet, sourceCell, targetCell }) =>
                    sourceMagnet?.getAttribute('port-group') === 'out' && targetMagnet?.getAttribute('port-group') === 'in' && sourceCell !== targetCell,
            },
            highlighting: {
                magnetAvailable: { name: 'stroke', args: { padding: 4, attrs: { stroke: '#198754', 'stroke-width': 3 } } },
                magnetAdsorbed: { name: 'stroke', args: { padding: 4, attrs: { stroke: '#0d6efd', 'stroke-width': 4 } } },
            },
        });
        this.history = new History({
            enabled: true,
            beforeAddCommand: (_event, args) => !(args?.key === 'attrs' || args?.key === 'tools' || args?.options?.ignoreHistory),
        });
        this.graph.use(this.history);
        this.history.on('add', () => this.record('graph'));
        this.history.on('change', () => this.updateButtons());

        this.graph.on('node:click', ({ node }) => this.select(node));
        this.graph.on('edge:click', ({ edge }) => this.select(edge));
        this.graph.on('blank:click', () => this.select(null));
        this.graph.on('edge:connected', ({ edge }) => this.select(edge));
        for (const event of ['cell:added', 'cell:removed', 'node:change:position', 'node:change:data', 'edge:change:source', 'edge:change:target', 'edge:change:vertices']) {
            this.graph.on(event, (args) => this.changed(event, args));
        }
        document.addEventListener('keydown', (e) => this.keydown(e));
    }

    /**
     * Drags an activity from the palette with pointer events (not HTML drag and drop, whose drop position
     * and ghost image browsers handle unevenly over SVG): a label follows the pointer and the activity is
     * added where it is released over the diagram.
     */
    dragFromPalette(start, descriptor) {
        if (start.button !== 0) return;
        // Preventing the default keeps the page from selecting text, and the focus where it was: commit that field first.
        if (document.activeElement instanceof HTMLElement && this.panel.contains(document.activeElement)) document.activeElement.blur();
        start.preventDefault();
        const ghost = element('div', { className: 'designer-ghost', 'aria-hidden': 'true' }, descriptor.displayName);
        const place = (e) => {
            ghost.style.left = `${e.clientX}px`;
            ghost.style.top = `${e.clientY}px`;
        };
        const move = (e) => {
            if (!ghost.isConnected && Math.hypot(e.clientX - start.clientX, e.clientY - start.clientY) > 4) document.body.append(ghost);
            place(e);
        };
        const end = (e) => {
            document.removeEventListener('pointermove', move);
            document.removeEventListener('pointerup', end);
            document.removeEventListener('pointercancel', end);
            const dragged = ghost.isConnected;
            ghost.remove();
            const frame = this.canvasFrame.getBoundingClientRect();
            const inside = e.clientX >= frame.left && e.clientX <= frame.right && e.clientY >= frame.top && e.clientY <= frame.bottom;
            if (e.type === 'pointerup' && dragged && inside) {
                const point = this.graph.clientToLocal(e.clientX, e.clientY);
                this.addActivity(descriptor.type, { x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 });
            }
        };
        document.addEventListener('pointermove', move);
        document.addEventListener('pointerup', end);
        document.addEventListener('pointercancel', end);
    }

    edgeStyle() {
        return {
            shape: 'edge',
            zIndex: -1,
            attrs: { line: { stroke: '#495057', strokeWidth: 2, targetMarker: { name: 'block', width: 10, height: 8 } } },
        };
    }

    /** Replaces the diagram with a definition document. */
    load(definition) {
        this.loading = true;
        this.history.disable();
        try {
            this.graph.clearCells();
            const connections = definition.root?.connections ?? [];
            for (const activity of definition.root?.activities ?? []) {
                this.graph.addNode(this.nodeFor(activity, connections));
            }
            for (const connection of connections) {
                this.graph.addEdge({
                    ...this.edgeStyle(),
                    source: { cell: connection.source.activity, port: connection.source.port ?? 'Done' },
                    target: { cell: connection.target.activity, port: 'In' },
                    vertices: connection.vertices ?? [],
                    data: { connection },
                });
            }
        } finally {
            this.history.enable();
            this.loading = false;
        }
        this.history.clean();
        this.undoSteps = [];
        this.redoSteps = [];
        this.select(null);
        this.refreshProblems();
        this.status.textContent = this.dirty ? t.unsaved : t.saved;
        this.fit();
    }

    nodeFor(activity, connections) {
        const descriptor = this.descriptors.get(activity.type);
        const outcomes = outcomesOf(activity, descriptor, connections);
        const position = activity.metadata?.designer?.position ?? { x: 0, y: 0 };
        return {
            id: activity.id,
            shape: 'workflow-activity',
            x: position.x,
            y: position.y,
            width: Math.max(NODE_WIDTH, outcomes.length * PORT_SPACING),
            height: NODE_HEIGHT,
            attrs: this.textAttrs(activity, descriptor),
            ports: [
                ...(hasInputPort(activity) ? [{ id: 'In', group: 'in' }] : []),
                ...outcomes.map((port) => ({ id: port, group: 'out', attrs: { text: { text: t.port(port) } } })),
            ],
            data: { activity },
        };
    }

    textAttrs(activity, descriptor) {
        return {
            title: { text: truncate(activity.name || activity.id, 24) },
            subtitle: { text: descriptor?.displayName ?? activity.type },
        };
    }

    addActivity(type, position) {
        const descriptor = this.descriptors.get(type);
        if (!descriptor) return;
        const activities = this.activities();
        const activity = {
            id: newId(type, activities),
            type,
            name: newName(descriptor.displayName, activities),
            inputs: {},
            metadata: { designer: { position: { x: Math.round(position.x), y: Math.round(position.y) } } },
        };
        for (const input of descriptor.inputs) {
            if (input.defaultValue) activity.inputs[input.name] = { expression: { type: 'Literal', value: input.defaultValue } };
        }
        const node = this.graph.addNode(this.nodeFor(activity, []));
        this.select(node);
        return node;
    }

    /** Adds an activity below the others (from the keyboard or a double-click) and brings it into view. */
    addBelow(type) {
        const node = this.addActivity(type, this.freeSpot());
        if (node && !this.graph.getGraphArea().containsRect(node.getBBox())) this.graph.centerCell(node);
    }

    /** Below the lowest activity, so that an activity added from the keyboard never lands on another. */
    freeSpot() {
        const nodes = this.graph.getNodes();
        if (nodes.length === 0) return { x: 40, y: 40 };
        const lowest = Math.max(...nodes.map((n) => n.getBBox().bottom));
        const selected = this.selected?.isNode?.() ? this.selected.getBBox().left : nodes[0].getBBox().left;
        return { x: selected, y: lowest + 60 };
    }

    activities() {
        return this.graph.getNodes().map((node) => this.activityOf(node));
    }

    activityOf(node) {
        const activity = structuredClone(node.getData().activity);
        const { x, y } = node.getPosition();
        const stored = activity.metadata?.designer?.position;
        if (!stored || Math.round(stored.x) !== Math.round(x) || Math.round(stored.y) !== Math.round(y)) {
            activity.metadata ??= {};
            activity.metadata.designer ??= {};
            activity.metadata.designer.position = { x: Math.round(x), y: Math.round(y) };
        }
        return activity;
    }

    connections() {
        return this.graph.getEdges()
            .filter((edge) => edge.getSourceCellId() && edge.getTargetCellId())
            .map((edge) => {
                const original = edge.getData()?.connection ?? {};
                return {
                    ...original,
                    source: { ...(original.source ?? {}), activity: edge.getSourceCellId(), port: edge.getSourcePortId() ?? 'Done' },
                    target: { ...(original.target ?? {}), activity: edge.getTargetCellId(), port: original.target?.port ?? 'In' },
                    vertices: edge.getVertices().map((v) => ({ x: Math.round(v.x), y: Math.round(v.y) })),
                };
            });
    }

    /** The document as it stands on the diagram, every field it was loaded with kept. */
    currentDocument() {
        const root = { ...(this.document.root ?? {}), activities: this.activities(), connections: this.connections() };
        return { ...this.document, root };
    }

    changed(event, args) {
        if (this.loading) return;
        if (event === 'node:change:data' && args.node) {
            const activity = args.node.getData().activity;
            const descriptor = this.descriptors.get(activity.type);
            args.node.setAttrs(this.textAttrs(activity, descriptor), { ignoreHistory: true });
            this.syncPorts(args.node, activity, descriptor);
            if (this.selected === args.node) {
                // The panel's own edits keep its fields (and the focus); only the "Then" lists follow the ports.
                if (args.options?.fromPanel) this.panel.querySelector('.designer-outcomes')?.replaceWith(outcomesSection(this.outcomesOf(args.node)));
                else this.showSelection();
            }
        }
        // The server's messages hold until what they are about changes (moving an activity changes nothing):
        // the activity, its connections, or, for those about the whole workflow, anything; the next save checks again.
        if (event !== 'node:change:position') {
            const edge = args.cell?.isEdge?.() ? args.cell : args.edge;
            const touched = new Set([args.node?.id ?? args.cell?.id, edge?.getSourceCellId(), edge?.getTargetCellId()].filter(Boolean));
            this.serverProblems = this.serverProblems.filter((p) => p.activityId && !touched.has(p.activityId));
        }
        if (event === 'cell:removed' && this.selected === args.cell) this.select(null);
        // A connection added or removed elsewhere (undo, redo) changes the selected activity's "Then" lists.
        if ((event === 'cell:added' || event === 'cell:removed') && args.cell?.isEdge() && this.selected?.isNode?.()) {
            this.panel.querySelector('.designer-outcomes')?.replaceWith(outcomesSection(this.outcomesOf(this.selected)));
        }
        this.dirty = true;
        this.status.textContent = t.unsaved;
        this.scheduleRefresh();
        this.updateButtons();
    }

    /** Problems are recomputed once per frame, not on every mouse move of a drag. */
    scheduleRefresh() {
        if (this.refreshPending) return;
        this.refreshPending = true;
        requestAnimationFrame(() => {
            this.refreshPending = false;
            this.refreshProblems();
            // An open JSON view follows the diagram, unless it holds text the admin typed and has not applied.
            if (!this.jsonEditor.hidden && this.textarea.value === this.lastWritten) this.writeJson();
        });
    }

    /** Switch cases and Fork branches name ports: the outcome ports follow the lines, in order; a port gone takes its connections. */
    syncPorts(node, activity, descriptor) {
        if (!descriptor?.dynamicOutcomesInput) return;
        const wanted = outcomesOf(activity, descriptor);
        const ports = node.getPorts();
        const current = ports.filter((p) => p.group === 'out');
        if (current.map((p) => p.id).join('\n') === wanted.join('\n')) return;
        for (const gone of current.filter((p) => !wanted.includes(p.id))) {
            this.graph.getConnectedEdges(node, { outgoing: true }).filter((e) => e.getSourcePortId() === gone.id).forEach((e) => e.remove());
        }
        const byId = new Map(current.map((p) => [p.id, p]));
        node.prop('ports/items', [
            ...ports.filter((p) => p.group === 'in'),
            ...wanted.map((id) => byId.get(id) ?? { id, group: 'out', attrs: { text: { text: t.port(id) } } }),
        ], { rewrite: true });
        node.resize(Math.max(NODE_WIDTH, wanted.length * PORT_SPACING), NODE_HEIGHT);
    }

    refreshProblems() {
        const activities = this.activities();
        this.emptyHint.hidden = activities.length > 0;
        const problems = [...this.serverProblems, ...findProblems(activities, this.connections(), this.descriptors, t)];
        const seen = new Set();
        this.problems = problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
        for (const node of this.graph.getNodes()) {
            const mine = this.problems.filter((p) => p.activityId === node.id);
            node.setAttrs({
                marker: { display: mine.length > 0 ? 'block' : 'none', title: mine.map((p) => p.message).join('\n') },
                body: { stroke: mine.length > 0 ? '#b02a37' : node === this.selected ? '#0d6efd' : '#8c959f', strokeWidth: node === this.selected ? 2.5 : 1.5 },
            }, { ignoreHistory: true });
        }
        this.problemList.replaceChildren(...(this.problems.length === 0
            ? [element('li', { className: 'text-secondary' }, t.noProblems)]
            : this.problems.map((p) => {
                const item = element('li', { className: 'text-danger' }, p.message);
                const node = p.activityId && this.graph.getCellById(p.activityId);
                if (node) {
                    const link = element('button', { type: 'button', className: 'btn btn-link btn-sm p-0 align-baseline text-danger text-start' }, p.message);
                    link.addEventListener('click', () => { this.select(node); this.graph.centerCell(node); });
                    item.replaceChildren(link);
                }
                return item;
            })));
    }

    select(cell) {
        const previous = this.selected;
        this.selected = cell;
        if (previous?.isEdge?.() && this.graph.hasCell(previous)) previous.setAttrs({ line: { stroke: '#495057' } }, { ignoreHistory: true });
        if (cell?.isEdge?.()) cell.setAttrs({ line: { stroke: '#0d6efd' } }, { ignoreHistory: true });
        this.updateButtons();
        this.showSelection();
        this.refreshProblems();
    }

    showSelection() {
        const cell = this.selected;
        if (cell?.isNode?.()) {
            const activity = cell.getData().activity;
            renderActivity(this.panel, activity, this.descriptors.get(activity.type), { ...this.catalog, variables: this.document.variables ?? [] },
                (this.problems ?? []).filter((p) => p.activityId === activity.id),
                this.outcomesOf(cell),
                (edit) => {
                    const next = structuredClone(cell.getData().activity);
                    edit(next);
                    // One undo step, with the ports and size that follow from the change (Switch cases, Fork branches).
                    this.graph.startBatch('edit');
                    cell.setData({ activity: next }, { overwrite: true, fromPanel: true });
                    this.graph.stopBatch('edit');
                },
                () => this.removeSelected());
        } else if (cell?.isEdge?.()) {
            const from = cell.getSourceNode()?.getData().activity;
            const to = cell.getTargetNode()?.getData().activity;
            if (from && to) renderConnection(this.panel, from, cell.getSourcePortId(), to, () => this.removeSelected());
        } else {
            renderWorkflow(this.panel, this.document,
                (name) => this.editWorkflow('name', name),
                (variables) => this.editWorkflow('variables', variables));
        }
    }

    /** The outcome ports of a node, where each leads, and how to connect one from the property panel (one undo step). */
    outcomesOf(node) {
        const outgoing = () => this.graph.getConnectedEdges(node, { outgoing: true });
        const ports = node.getPortsByGroup('out').map((p) => p.id);
        return {
            ports,
            targets: this.graph.getNodes().filter((n) => n !== node && n.getPortsByGroup('in').length > 0).map((n) => n.getData().activity),
            current: new Map(ports.map((port) => [port, outgoing().find((e) => e.getSourcePortId() === port)?.getTargetCellId() ?? ''])),
            connect: (port, targetId) => {
                this.graph.startBatch('connect');
                outgoing().filter((e) => e.getSourcePortId() === port).forEach((e) => this.graph.removeCell(e, { fromPanel: true }));
                if (targetId) {
                    this.graph.addEdge({ ...this.edgeStyle(), source: { cell: node.id, port }, target: { cell: targetId, port: 'In' } }, { fromPanel: true });
                }
                this.graph.stopBatch('connect');
            },
        };
    }

    /** Changes the workflow's name or variables as one step of the history. */
    editWorkflow(key, value) {
        const prev = structuredClone(this.document[key]);
        if (JSON.stringify(prev) === JSON.stringify(value)) return;
        this.document[key] = structuredClone(value);
        this.record({ key, prev, next: structuredClone(value) });
        this.changed(`workflow:${key}`, {});
    }

    record(step) {
        this.undoSteps.push(step);
        this.redoSteps = [];
        this.updateButtons();
    }

    undo() {
        const step = this.undoSteps.pop();
        if (!step) return;
        this.redoSteps.push(step);
        if (step === 'graph') this.history.undo();
        else this.restoreWorkflow(step.key, step.prev);
        this.updateButtons();
    }

    redo() {
        const step = this.redoSteps.pop();
        if (!step) return;
        this.undoSteps.push(step);
        if (step === 'graph') this.history.redo();
        else this.restoreWorkflow(step.key, step.next);
        this.updateButtons();
    }

    /** Puts back a workflow field from the history and shows the workflow's panel, where the change is seen. */
    restoreWorkflow(key, value) {
        if (value === undefined) delete this.document[key];
        else this.document[key] = structuredClone(value);
        this.changed(`workflow:${key}`, {});
        this.select(null);
    }

    /** Keeps a copy of the selected activity for Paste. */
    copySelected() {
        if (!this.selected?.isNode?.()) return;
        this.clipboard = { activity: this.activityOf(this.selected), pasted: 0 };
        this.updateButtons();
    }

    /**
     * Adds a copy of the copied activity (one undo step): a new id and name, the same inputs, placed down and to
     * the right of the original (further with each paste), without connections. It becomes the selection.
     */
    paste() {
        if (!this.clipboard) return;
        this.clipboard.pasted += 1;
        const offset = 40 * this.clipboard.pasted;
        const activities = this.activities();
        const activity = structuredClone(this.clipboard.activity);
        const position = activity.metadata?.designer?.position ?? { x: 0, y: 0 };
        activity.id = newId(activity.type, activities);
        activity.name = newName(activity.name || this.descriptors.get(activity.type)?.displayName || activity.type, activities);
        activity.metadata ??= {};
        activity.metadata.designer = { ...(activity.metadata.designer ?? {}), position: { x: position.x + offset, y: position.y + offset } };
        const node = this.graph.addNode(this.nodeFor(activity, []));
        this.select(node);
        if (!this.graph.getGraphArea().containsRect(node.getBBox())) this.graph.centerCell(node);
    }

    removeSelected() {
        if (!this.selected) return;
        const cell = this.selected;
        this.select(null);
        // One step of the history, so that Undo brings the activity back with its connections.
        this.graph.startBatch('delete');
        if (cell.isNode()) this.graph.getConnectedEdges(cell).forEach((edge) => this.graph.removeCell(edge));
        this.graph.removeCell(cell);
        this.graph.stopBatch('delete');
    }

    keydown(e) {
        const target = e.target;
        const typing = target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
        if (typing) return;
        const ctrl = e.ctrlKey || e.metaKey;
        const key = e.key.toLowerCase();
        if (ctrl && key === 'z' && !e.shiftKey) {
            e.preventDefault();
            this.undo();
        } else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) {
            e.preventDefault();
            this.redo();
        } else if (ctrl && key === 'c' && this.selected?.isNode?.() && (document.getSelection()?.isCollapsed ?? true)) {
            // Text selected on the page is copied as text, not the activity.
            e.preventDefault();
            this.copySelected();
        } else if (ctrl && key === 'v' && this.clipboard) {
            e.preventDefault();
            this.paste();
        } else if ((e.key === 'Delete' || e.key === 'Backspace') && this.selected) {
            e.preventDefault();
            this.removeSelected();
        }
    }

    updateButtons() {
        this.undoButton.disabled = this.undoSteps.length === 0;
        this.redoButton.disabled = this.redoSteps.length === 0;
        this.deleteButton.disabled = this.selected == null;
        this.copyButton.disabled = !this.selected?.isNode?.();
        this.pasteButton.disabled = this.clipboard == null;
    }

    /** Asks before leaving the page with changes that were neither saved nor published. */
    guardUnsavedChanges() {
        window.addEventListener('beforeunload', (e) => {
            if (this.dirty && !this.submitting) e.preventDefault();
        });
    }

    fit() {
        if (this.graph.getCellCount() === 0) return;
        this.graph.zoomToFit({ padding: 40, maxScale: 1 });
    }

    /** Arranges the activities top to bottom with dagre, as one step of the history. */
    autoLayout() {
        const g = new graphlib.Graph();
        g.setGraph({ rankdir: 'TB', nodesep: 50, ranksep: 70 });
        g.setDefaultEdgeLabel(() => ({}));
        const nodes = this.graph.getNodes();
        nodes.forEach((node) => g.setNode(node.id, { width: node.getSize().width, height: node.getSize().height }));
        this.graph.getEdges().forEach((edge) => {
            if (edge.getSourceCellId() && edge.getTargetCellId()) g.setEdge(edge.getSourceCellId(), edge.getTargetCellId());
        });
        layout(g);
        this.graph.startBatch('layout');
        nodes.forEach((node) => {
            const placed = g.node(node.id);
            node.position(Math.round(placed.x - placed.width / 2), Math.round(placed.y - placed.height / 2));
        });
        this.graph.getEdges().forEach((edge) => edge.setVertices([]));
        this.graph.stopBatch('layout');
        this.fit();
    }

    writeJson() {
        this.document = this.currentDocument();
        this.textarea.value = JSON.stringify(this.document, null, 2);
        this.lastWritten = this.textarea.value;
    }

    toggleJson() {
        const opening = this.jsonEditor.hidden;
        if (opening && this.dirty) this.writeJson();
        this.jsonEditor.hidden = !opening;
        this.applyButton.hidden = !opening;
        this.jsonButton.setAttribute('aria-pressed', String(opening));
        this.jsonButton.classList.toggle('active', opening);
        this.jsonMessage.textContent = '';
        if (opening) this.textarea.focus();
    }

    applyJson() {
        try {
            const definition = JSON.parse(this.textarea.value);
            if (!definition || typeof definition !== 'object' || !definition.root) throw new Error('root');
            this.document = definition;
            this.serverProblems = [];
            this.load(definition);
            this.lastWritten = this.textarea.value;
            this.dirty = true;
            this.status.textContent = t.unsaved;
            this.jsonMessage.className = 'small text-success';
            this.jsonMessage.textContent = t.jsonApplied;
        } catch (error) {
            this.jsonMessage.className = 'small text-danger';
            this.jsonMessage.textContent = t.jsonRefused(error.message);
        }
    }

    /** Submits the diagram, unless the admin typed JSON that was not applied: then that text is what they meant. */
    beforeSubmit() {
        this.submitting = true;
        if (this.textarea.value !== this.lastWritten) return;
        if (this.dirty) this.writeJson();
    }
}

export function showLoadFailure(form, error) {
    form.querySelector('[data-testid="designer"]')?.remove();
    const editor = form.querySelector('[data-json-editor]');
    editor.hidden = false;
    editor.prepend(element('div', { className: 'alert alert-warning', role: 'alert' }, t.loadFailed(error.message)));
}
