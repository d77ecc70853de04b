using Support.Kernel.Contracts;

namespace Support.Workflows.Contracts;

/// <summary>
/// An integration event that workflows can start on or wait for: its name in definitions, how it is correlated
/// (the ticket id for ticket events) and the payload an expression reads as <c>event</c>. Modules register
/// these as singletons; the engine then receives the event through the outbox.
/// </summary>
public sealed class WorkflowStimulus
{
    private WorkflowStimulus(string name, string displayName, Type eventType, Func<IIntegrationEvent, string?> correlation, Func<IIntegrationEvent, IReadOnlyDictionary<string, object?>> payload, IReadOnlyList<string> fields)
    {
        Name = name;
        DisplayName = displayName;
        EventType = eventType;
        Correlation = correlation;
        Payload = payload;
        PayloadFields = fields;
    }

    /// <summary>The name definitions use, e.g. <c>Ticketing.TicketOpened</c>.</summary>
    public string Name { get; }

    /// <summary>The label shown in the designer.</summary>
    public string DisplayName { get; }

    /// <summary>The integration event's type.</summary>
    public Type EventType { get; }

    /// <summary>The correlation id an event carries (null: the event correlates with no instance).</summary>
    public Func<IIntegrationEvent, string?> Correlation { get; }

    /// <summary>The values an expression reads as <c>event.&lt;field&gt;</c>.</summary>
    public Func<IIntegrationEvent, IReadOnlyDictionary<string, object?>> Payload { get; }

    /// <summary>The payload's field names, for the designer.</summary>
    public IReadOnlyList<string> PayloadFields { get; }

    /// <summary>
    /// For events of other modules and plugins: a type whose <c>IStringLocalizer</c> translates <see cref="DisplayName"/>
    /// in the designer, usually the contributor's resource marker class (as <c>ActivityDescriptor.Texts</c> does for
    /// activities). A label it does not translate falls back to the Workflows module's translations.
    /// </summary>
    public Type? Texts { get; private init; }

    /// <summary>The same stimulus, its label translated by <paramref name="texts"/>'s localizer (see <see cref="Texts"/>).</summary>
    public WorkflowStimulus TranslatedBy(Type texts) => new(Name, DisplayName, EventType, Correlation, Payload, PayloadFields) { Texts = texts };

    /// <summary>Describes an event type as a stimulus.</summary>
    public static WorkflowStimulus For<TEvent>(string name, string displayName, Func<TEvent, string?> correlation, Func<TEvent, IReadOnlyDictionary<string, object?>> payload, params string[] fields)
        where TEvent : IIntegrationEvent =>
        new(name, displayName, typeof(TEvent), e => correlation((TEvent)e), e => payload((TEvent)e), fields);
}
