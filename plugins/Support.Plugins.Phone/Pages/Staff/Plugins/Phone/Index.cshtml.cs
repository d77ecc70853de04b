using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Support.Plugins.Abstractions;

namespace Support.Plugins.Phone.Pages;

/// <summary>The call's direction.</summary>
public enum CallDirection
{
    Inbound,
    Outbound,
}

/// <summary>The call-log form as an agent fills it in.</summary>
public sealed class CallInput
{
    /// <summary>Generated with the form, so that submitting it twice logs one call.</summary>
    public string? CallId { get; set; }

    public CallDirection? Direction { get; set; }

    public string? CallerName { get; set; }

    public string? Company { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Email { get; set; }

    public string? TicketNumber { get; set; }

    public string? Subject { get; set; }

    public DateTime? StartedAt { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>Empty: Normal for a new ticket, unchanged for an existing one.</summary>
    public TicketSeverityLevel? Severity { get; set; }

    public string? Language { get; set; } = "fr";

    public string? Notes { get; set; }
}

/// <summary>
/// Agents log a phone call: with a ticket number it is added to that ticket as an internal note, otherwise it
/// opens a ticket for the caller; either way its duration is recorded as the agent's time, and the severity chosen
/// is given to the ticket (a Critical call starts the Critical SLA).
/// </summary>
public sealed class CallLogModel : PageModel
{
    private const int MaxNotes = 20_000;
    private readonly IAgentWorkService _work;
    private readonly PhoneSettings _settings;
    private readonly TimeProvider _clock;

    public CallLogModel(IAgentWorkService work, PhoneSettings settings, TimeProvider clock)
    {
        _work = work;
        _settings = settings;
        _clock = clock;
    }

    [BindProperty]
    public CallInput Call { get; set; } = new();

    /// <summary>Problems by field name (empty key: the whole form), in the agent's language.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? LoggedTicket { get; set; }

    [TempData]
    public bool LoggedOpened { get; set; }

    [TempData]
    public int LoggedMinutes { get; set; }

    public string TimeZoneName => _settings.TimeZone.Id;

    public static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    public static string Text(string french, string english) => French ? french : english;

    public void OnGet()
    {
        Call = new CallInput
        {
            CallId = Guid.NewGuid().ToString("N"),
            Direction = CallDirection.Inbound,
            StartedAt = TrimToMinute(TimeZoneInfo.ConvertTimeFromUtc(_clock.GetUtcNow().UtcDateTime, _settings.TimeZone)),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var contact = Check();
        if (contact is null)
        {
            return Page();
        }

        try
        {
            var result = await _work.LogContactAsync(contact, cancellationToken);
            LoggedTicket = result.TicketNumber;
            LoggedOpened = result.OpenedTicket;
            LoggedMinutes = contact.Minutes;
            return RedirectToPage();
        }
        catch (IntakeRefusedException refused) when (refused.Reason == IntakeRefusal.UnknownTicket)
        {
            Errors[nameof(CallInput.TicketNumber)] = Text($"Aucun ticket ne porte le numéro {Call.TicketNumber!.Trim()}.", $"No ticket has the number {Call.TicketNumber!.Trim()}.");
            return Page();
        }
        catch (IntakeRefusedException refused)
        {
            Errors[""] = refused.Message;
            return Page();
        }
    }

    /// <summary>Checks the form; the call to log, or null with <see cref="Errors"/> filled in.</summary>
    private LoggedContact? Check()
    {
        var existing = !string.IsNullOrWhiteSpace(Call.TicketNumber);
        if (Call.Direction is not (CallDirection.Inbound or CallDirection.Outbound))
        {
            Errors[nameof(CallInput.Direction)] = Text("Indiquez si l'appel est entrant ou sortant.", "Say whether the call is inbound or outbound.");
        }

        Line(nameof(CallInput.CallerName), Call.CallerName, 120, required: true, Text("Le nom de l'appelant", "The caller's name"));
        Line(nameof(CallInput.Company), Call.Company, 120, required: false, Text("La société", "The company"));
        var digits = (Call.PhoneNumber ?? "").Count(char.IsAsciiDigit);
        if (string.IsNullOrWhiteSpace(Call.PhoneNumber))
        {
            Errors[nameof(CallInput.PhoneNumber)] = Text("Le numéro de téléphone est obligatoire.", "The phone number is required.");
        }
        else if (digits is < 6 or > 20 || Call.PhoneNumber.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.' or '-' or '(' or ')')))
        {
            Errors[nameof(CallInput.PhoneNumber)] = Text(
                "Saisissez un numéro de 6 à 20 chiffres (espaces, +, points, tirets et parenthèses acceptés).",
                "Enter a phone number of 6 to 20 digits (spaces, +, dots, dashes and brackets allowed).");
        }

        if (existing)
        {
            var number = Call.TicketNumber!.Trim().TrimStart('#');
            if (number.Length is < 6 or > 9 || !number.All(char.IsAsciiDigit))
            {
                Errors[nameof(CallInput.TicketNumber)] = Text("Un numéro de ticket compte 6 à 9 chiffres, par exemple 983177.", "A ticket number has 6 to 9 digits, for example 983177.");
            }
        }
        else
        {
            var email = Call.Email?.Trim() ?? "";
            if (email.Length == 0)
            {
                Errors[nameof(CallInput.Email)] = Text(
                    "L'email de l'appelant est obligatoire pour ouvrir un ticket (il reçoit le numéro du ticket) ; pour un ticket existant, saisissez son numéro.",
                    "The caller's email is required to open a ticket (the ticket number is sent to it); for an existing ticket, enter its number.");
            }
            else if (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email[(email.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal))
            {
                Errors[nameof(CallInput.Email)] = Text("Saisissez une adresse email valide, par exemple nom@societe.fr.", "Enter a valid email address, e.g. name@company.com.");
            }

            Line(nameof(CallInput.Subject), Call.Subject, 200, required: true, Text("L'objet", "The subject"));
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        DateTime startedUtc = default;
        if (Call.StartedAt is not { } started)
        {
            Errors[nameof(CallInput.StartedAt)] = Text("Indiquez l'heure de début de l'appel.", "Enter when the call started.");
        }
        else
        {
            var local = DateTime.SpecifyKind(started, DateTimeKind.Unspecified);
            startedUtc = _settings.TimeZone.IsInvalidTime(local) ? default : TimeZoneInfo.ConvertTimeToUtc(local, _settings.TimeZone);
            if (startedUtc == default)
            {
                Errors[nameof(CallInput.StartedAt)] = Text("Cette heure n'existe pas (changement d'heure).", "This time does not exist (clock change).");
            }
            else if (startedUtc > now.AddMinutes(5))
            {
                Errors[nameof(CallInput.StartedAt)] = Text("Un appel ne peut pas commencer dans le futur.", "A call cannot start in the future.");
            }
            else if (startedUtc < now.AddDays(-90))
            {
                Errors[nameof(CallInput.StartedAt)] = Text("Un appel se consigne dans les 90 jours.", "A call is logged within 90 days.");
            }
        }

        if (Call.DurationMinutes is not { } duration || duration is < 1 or > 1440)
        {
            Errors[nameof(CallInput.DurationMinutes)] = Text("Saisissez la durée en minutes, de 1 à 1440.", "Enter the duration in minutes, from 1 to 1440.");
        }

        if (ModelState["Call.Severity"]?.Errors.Count > 0 || (Call.Severity is { } severity && !Enum.IsDefined(severity)))
        {
            Errors[nameof(CallInput.Severity)] = Text("Choisissez une gravité dans la liste.", "Choose a severity from the list.");
        }

        if (Call.Language is not ("fr" or "en"))
        {
            Errors[nameof(CallInput.Language)] = Text("Choisissez la langue du client dans la liste.", "Choose the customer's language from the list.");
        }

        if (string.IsNullOrWhiteSpace(Call.Notes))
        {
            Errors[nameof(CallInput.Notes)] = Text("Notez ce qui a été dit : les notes sont obligatoires.", "Write down what was said: the notes are required.");
        }
        else if (Call.Notes.Length > MaxNotes)
        {
            Errors[nameof(CallInput.Notes)] = Text($"Les notes comptent au plus {MaxNotes} caractères.", $"The notes are at most {MaxNotes} characters.");
        }

        if (string.IsNullOrWhiteSpace(Call.CallId) || Call.CallId.Length > 64 || !Call.CallId.All(char.IsAsciiLetterOrDigit))
        {
            // A form without its id (an old tab, a crafted post) gets a fresh one: submitting it again would log the call again.
            Call.CallId = Guid.NewGuid().ToString("N");
        }

        var agentId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Errors.Count > 0 || agentId is null)
        {
            return null;
        }

        var increment = _settings.BillingIncrement;
        var minutes = Math.Min(1440, (Call.DurationMinutes!.Value + increment - 1) / increment * increment);
        return new LoggedContact(
            "Phone",
            "call-" + Call.CallId,
            agentId,
            existing ? Call.TicketNumber!.Trim() : null,
            Call.Email?.Trim(),
            Call.CallerName!.Trim(),
            string.IsNullOrWhiteSpace(Call.Company) ? null : Call.Company.Trim(),
            Call.PhoneNumber!.Trim(),
            Call.Subject?.Trim(),
            NoteHtml(startedUtc),
            startedUtc,
            minutes,
            TimeNote(),
            Call.Severity,
            Call.Language);
    }

    private void Line(string field, string? value, int maxLength, bool required, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Errors[field] = Text($"{label} est obligatoire.", $"{label} is required.");
            }
        }
        else if (value.Trim().Length > maxLength)
        {
            Errors[field] = Text($"{label} compte au plus {maxLength} caractères.", $"{label} is at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            Errors[field] = Text($"{label} tient sur une ligne.", $"{label} must be on one line.");
        }
    }

    /// <summary>The call's header line (direction, caller, number, start, duration) and the notes as paragraphs, all encoded.</summary>
    private string NoteHtml(DateTime startedUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startedUtc, _settings.TimeZone);
        var caller = Call.CallerName!.Trim() + (string.IsNullOrWhiteSpace(Call.Company) ? "" : " (" + Call.Company.Trim() + ")");
        var when = local.ToString(French ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var header = Call.Direction == CallDirection.Inbound
            ? Text($"Appel entrant de {caller}, {Call.PhoneNumber!.Trim()}, le {when} ({_settings.TimeZone.Id}), {Call.DurationMinutes} min.", $"Inbound call from {caller}, {Call.PhoneNumber!.Trim()}, on {when} ({_settings.TimeZone.Id}), {Call.DurationMinutes} min.")
            : Text($"Appel sortant vers {caller}, {Call.PhoneNumber!.Trim()}, le {when} ({_settings.TimeZone.Id}), {Call.DurationMinutes} min.", $"Outbound call to {caller}, {Call.PhoneNumber!.Trim()}, on {when} ({_settings.TimeZone.Id}), {Call.DurationMinutes} min.");
        var html = new StringBuilder("<p><strong>").Append(WebUtility.HtmlEncode(header)).Append("</strong></p>");
        foreach (var paragraph in Call.Notes!.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.ToString();
    }

    private string TimeNote()
    {
        var caller = Call.CallerName!.Trim();
        var note = Call.Direction == CallDirection.Inbound
            ? Text($"Appel entrant de {caller} ({Call.PhoneNumber!.Trim()})", $"Inbound call from {caller} ({Call.PhoneNumber!.Trim()})")
            : Text($"Appel sortant vers {caller} ({Call.PhoneNumber!.Trim()})", $"Outbound call to {caller} ({Call.PhoneNumber!.Trim()})");
        return note.Length <= 1000 ? note : note[..1000];
    }

    private static DateTime TrimToMinute(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, DateTimeKind.Unspecified);
}
