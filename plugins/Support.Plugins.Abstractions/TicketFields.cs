namespace Support.Plugins.Abstractions;

/// <summary>Where a contributed field appears.</summary>
[Flags]
public enum TicketForm
{
    None = 0,

    /// <summary>The portal's "Open a new ticket" form.</summary>
    PortalNewTicket = 1,

    /// <summary>The customer's reply form on the ticket view.</summary>
    PortalReply = 2,

    /// <summary>The agent's ticket forms in the staff console.</summary>
    Staff = 4,
}

/// <summary>A field a channel adds to the ticket forms, with its labels and help text in each language.</summary>
/// <param name="Key">A key unique within the plugin, e.g. <c>teamviewer-id</c>.</param>
/// <param name="Label">The label by culture name (<c>fr</c>, <c>en</c>); the first entry is the fallback.</param>
/// <param name="Hint">The help text by culture name.</param>
/// <param name="Forms">The forms the field appears on.</param>
/// <param name="Required">Whether the form refuses to submit without it.</param>
/// <param name="InputMode">The HTML <c>inputmode</c> hint (text, numeric, tel, email).</param>
/// <param name="MaxLength">The longest value accepted.</param>
public sealed record TicketField(
    string Key,
    IReadOnlyDictionary<string, string> Label,
    IReadOnlyDictionary<string, string> Hint,
    TicketForm Forms,
    bool Required = false,
    string InputMode = "text",
    int MaxLength = 200);

/// <summary>The outcome of validating a contributed field: the normalised value, or a message for the user.</summary>
public sealed record FieldValidation(bool IsValid, string? NormalisedValue, IReadOnlyDictionary<string, string>? Error)
{
    public static FieldValidation Valid(string? normalisedValue) => new(true, normalisedValue, null);

    public static FieldValidation Invalid(IReadOnlyDictionary<string, string> error) => new(false, null, error);
}

/// <summary>A channel's contribution to the ticket forms: the fields, their validation and how agents see them.</summary>
public interface ITicketFieldContributor
{
    IReadOnlyList<TicketField> Fields { get; }

    /// <summary>Checks and normalises a submitted value; the form shows the error next to the field.</summary>
    FieldValidation Validate(string fieldKey, string? value);

    /// <summary>How agents see a captured value on the ticket page: text and, optionally, an action link.</summary>
    CapturedValueDisplay Display(string fieldKey, string value);
}

/// <summary>A captured value as agents see it.</summary>
/// <param name="Text">The value, formatted.</param>
/// <param name="ActionUrl">A link that acts on it (e.g. opens the remote-control client), if any.</param>
/// <param name="ActionLabel">The link's label by culture name.</param>
public sealed record CapturedValueDisplay(string Text, string? ActionUrl, IReadOnlyDictionary<string, string>? ActionLabel);
