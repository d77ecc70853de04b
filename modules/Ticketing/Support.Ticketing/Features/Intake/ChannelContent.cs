using System.Globalization;
using System.Net;
using System.Text;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Plugins.Abstractions;
using Support.Ticketing.Content;

namespace Support.Ticketing.Features.Intake;

/// <summary>
/// A channel's message made ready for the portal's paths: the files the portal's policy accepts, and a
/// body that says which files were left out. A channel cannot ask the sender to fix a form, so a refused
/// file does not refuse the message (as it does on the portal): the message is kept and the refusals,
/// worded as the portal words them, are written under it for the agent and the customer to read.
/// </summary>
internal sealed record ChannelContent(string BodyHtml, IReadOnlyList<UploadedFile> Files, IReadOnlyList<string> Refusals)
{
    public static ChannelContent From(string? bodyHtml, IReadOnlyList<IntakeAttachment>? attachments, string language, IStringLocalizer t)
    {
        var files = (attachments ?? []).Select(a => new UploadedFile(a.FileName ?? "", a.ContentType ?? "", a.Content ?? [])).ToList();
        var (accepted, refused) = AttachmentPolicy.Check(files);

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var refusals = refused.Select(r => ValidationRules.RefusalMessage(r, t)).ToList();
            var body = new StringBuilder(RichText.Sanitise(bodyHtml).IsEmpty ? $"<p>{WebUtility.HtmlEncode(t["(no text)"])}</p>" : bodyHtml);
            if (refusals.Count > 0)
            {
                body.Append("<p><strong>").Append(WebUtility.HtmlEncode(t["Attachments not kept:"])).Append("</strong></p><ul>");
                foreach (var refusal in refusals)
                {
                    body.Append("<li>").Append(WebUtility.HtmlEncode(refusal)).Append("</li>");
                }

                body.Append("</ul>");
            }

            var kept = accepted.Select(a => new UploadedFile(a.FileName, a.ContentType, a.Content)).ToList();
            return new ChannelContent(body.ToString(), kept, refusals);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>A one-line text cut to the column's length: a channel's subject or name is never refused for its length.</summary>
    public static string OneLine(string? value, int maxLength)
    {
        var line = new string([.. (value ?? "").Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length <= maxLength ? line : line[..maxLength].TrimEnd();
    }

    public static string Language(string? language) => language is "en" ? "en" : "fr";

    /// <summary>A module text in the customer's language rather than the current request's.</summary>
    public static string InLanguage(string language, IStringLocalizer t, Func<IStringLocalizer, string> text)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return text(t);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>The checks on what identifies a channel's message; their messages are for the plugin's developer, in English.</summary>
internal static class ChannelRules
{
    public static IRuleBuilderOptions<T, string?> ChannelId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => !string.IsNullOrEmpty(v) && v.Length <= 64 && v.All(char.IsAsciiLetterOrDigit))
            .WithMessage("The channel must be the plugin's id: 1 to 64 letters or digits.");

    public static IRuleBuilderOptions<T, string?> ExternalId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v) && v.Length <= Domain.IntakeReceipt.MaxExternalId && !v.Any(char.IsControl))
            .WithMessage($"The external id is required, on one line, and at most {Domain.IntakeReceipt.MaxExternalId} characters.");
}
