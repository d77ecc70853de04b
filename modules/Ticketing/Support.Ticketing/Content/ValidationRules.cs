using System.Globalization;
using System.Net.Mail;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Support.Kernel.Content;
using Support.Plugins.Abstractions;
using Support.Ticketing.Data;

namespace Support.Ticketing.Content;

/// <summary>The checks every ticket form shares, with messages that say what to fix.</summary>
internal static class ValidationRules
{
    /// <summary>A one-line text: required or not, not too long, no line breaks or control characters (they would forge email headers).</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t, string label, int maxLength, bool required)
    {
        var options = rule
            .Must(v => !required || !string.IsNullOrWhiteSpace(v)).WithMessage(t["{0} is required.", label])
            .Must(v => v is null || v.Trim().Length <= maxLength).WithMessage(t["{0} must be at most {1} characters.", label, maxLength])
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage(t["{0} must be on one line.", label]);
        return options;
    }

    public static IRuleBuilderOptions<T, string?> CustomerEmail<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t) =>
        rule
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(t["Email is required."])
            .Must(v => v is null || IsEmail(v.Trim())).WithMessage(t["Enter a valid email address, e.g. name@company.com."]);

    public static IRuleBuilderOptions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t) =>
        rule
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(t["Phone is required."])
            .Must(v => v is null || IsPhone(v.Trim())).WithMessage(t["Enter a phone number of 6 to 20 digits (spaces, +, dots, dashes and brackets allowed)."]);

    /// <summary>A rich-text body that still says something once sanitised, and fits the column.</summary>
    public static IRuleBuilderOptions<T, string?> RichTextBody<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer t) =>
        rule
            .Must(v => v is null || v.Length <= TicketLimits.BodyHtml).WithMessage(t["The message is too long (images included, at most 3 MB)."])
            .Must(v => !RichText.Sanitise(v).IsEmpty).WithMessage(t["Describe the problem: the detail is required."]);

    /// <summary>One message per refused file, naming it.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<UploadedFile>> Attachments<T>(this IRuleBuilder<T, IReadOnlyList<UploadedFile>> rule, IStringLocalizer t) =>
        (IRuleBuilderOptions<T, IReadOnlyList<UploadedFile>>)rule.Custom((files, context) =>
        {
            foreach (var refused in AttachmentPolicy.Check(files).Refused)
            {
                context.AddFailure(context.PropertyPath, RefusalMessage(refused, t));
            }
        });

    /// <summary>Why a file was refused, naming it: shown on the forms, and written under a channel's message.</summary>
    public static string RefusalMessage(RefusedFile refused, IStringLocalizer t) => refused.Reason switch
    {
        RefusalReason.TooMany => t["\"{0}\": at most {1} files can be attached.", refused.FileName, AttachmentPolicy.MaxFiles],
        RefusalReason.TooLarge => t["\"{0}\" is larger than 2 MB.", refused.FileName],
        RefusalReason.Empty => t["\"{0}\" is empty.", refused.FileName],
        RefusalReason.ContentDoesNotMatchName => t["\"{0}\": the content of the file does not match its type.", refused.FileName],
        _ => t["\"{0}\": this type of file is not accepted.", refused.FileName],
    };

    /// <summary>The fields channel plugins add to this form, checked by their plugin.</summary>
    public static IRuleBuilderOptions<T, Dictionary<string, string?>> ContributedFields<T>(this IRuleBuilder<T, Dictionary<string, string?>> rule, IStringLocalizer t, IEnumerable<ITicketFieldContributor> contributors, TicketForm form) =>
        (IRuleBuilderOptions<T, Dictionary<string, string?>>)rule.Custom((values, context) =>
        {
            var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            foreach (var contributor in contributors)
            {
                foreach (var field in contributor.Fields.Where(f => f.Forms.HasFlag(form)))
                {
                    values.TryGetValue(field.Key, out var value);
                    var path = $"Fields[{field.Key}]";
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        if (field.Required)
                        {
                            context.AddFailure(path, t["{0} is required.", Pick(field.Label, culture)]);
                        }

                        continue;
                    }

                    if (value.Length > field.MaxLength || value.Any(char.IsControl))
                    {
                        context.AddFailure(path, t["{0} must be at most {1} characters.", Pick(field.Label, culture), field.MaxLength]);
                        continue;
                    }

                    var result = contributor.Validate(field.Key, value);
                    if (!result.IsValid)
                    {
                        context.AddFailure(path, result.Error is null ? t["{0} is not valid.", Pick(field.Label, culture)] : Pick(result.Error, culture));
                    }
                }
            }
        });

    public static string Pick(IReadOnlyDictionary<string, string> texts, string culture) =>
        texts.TryGetValue(culture, out var text) ? text : texts.Values.FirstOrDefault() ?? "";

    private static bool IsEmail(string value)
    {
        if (value.Length > TicketLimits.Email || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || value.Count(c => c == '@') != 1)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        var domain = value[(at + 1)..];
        return at > 0 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
            && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }

    private static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return value.Length <= TicketLimits.Phone && digits is >= 6 and <= 20
            && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')' or '/');
    }
}
