// The definition document (Elsa 3's JSON) seen from the designer: descriptors by type, the outcome
// ports of an activity, default names and ids, and the problems the designer can see by itself.
// Activities and connections keep every field they were loaded with, so the JSON round-trips.

/** The lines of a multiline input, as the server reads them (ActivityRegistry's Lines). */
export function lineNames(text) {
    return (text ?? '').split('\n').map((line) => {
        const colon = line.indexOf(':');
        return (colon < 0 ? line : line.slice(0, colon)).trim();
    }).filter((name) => name.length > 0);
}

export function inputValue(activity, name) {
    return activity.inputs?.[name]?.expression?.value ?? '';
}

/** The outcome ports of an activity: its descriptor's, those named by its dynamic input, and any a connection already uses. */
export function outcomesOf(activity, descriptor, connections = []) {
    const ports = [];
    const add = (port) => { if (!ports.includes(port)) ports.push(port); };
    if (descriptor?.dynamicOutcomesInput) lineNames(inputValue(activity, descriptor.dynamicOutcomesInput)).forEach(add);
    (descriptor?.outcomes ?? []).forEach(add);
    connections.filter((c) => c.source?.activity === activity.id).forEach((c) => add(c.source.port ?? 'Done'));
    return ports;
}

export function hasInputPort(activity) {
    return activity.type !== 'Start';
}

/** An id in Elsa's style (SendEmail1, SendEmail2...) that no activity has yet. */
export function newId(type, activities) {
    const taken = new Set(activities.map((a) => a.id));
    let n = 1;
    while (taken.has(`${type}${n}`)) n += 1;
    return `${type}${n}`;
}

/** The descriptor's display name, numbered when another activity already has it. */
export function newName(displayName, activities) {
    const taken = new Set(activities.map((a) => a.name));
    if (!taken.has(displayName)) return displayName;
    let n = 2;
    while (taken.has(`${displayName} ${n}`)) n += 1;
    return `${displayName} ${n}`;
}

export function label(activity) {
    return activity.name ? `${activity.name} (${activity.id})` : activity.id;
}

/** What the designer sees wrong without asking the server: unknown types, required inputs left empty, loose activities. */
export function findProblems(activities, connections, descriptors, t) {
    const problems = [];
    for (const activity of activities) {
        const descriptor = descriptors.get(activity.type);
        if (!descriptor) {
            problems.push({ activityId: activity.id, message: t.unknownType(label(activity), activity.type) });
            continue;
        }
        for (const input of descriptor.inputs) {
            if (input.required && input.defaultValue == null && inputValue(activity, input.name).trim() === '') {
                problems.push({ activityId: activity.id, message: t.missingInput(label(activity), input.displayName) });
            }
        }
    }
    if (activities.length > 1) {
        const connected = new Set(connections.flatMap((c) => [c.source.activity, c.target.activity]));
        activities.filter((a) => !connected.has(a.id)).forEach((a) => problems.push({ activityId: a.id, message: t.notConnected(label(a)) }));
    }
    const targets = new Set(connections.map((c) => c.target.activity));
    if (activities.length > 0 && !activities.some((a) => a.type === 'Start' || (a.type === 'Event' && !targets.has(a.id)))) {
        problems.push({ activityId: null, message: t.noStart });
    }
    return problems;
}
