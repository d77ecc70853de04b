namespace Support.Kernel.Email;

/// <summary>An email a module wants sent.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, if known.</param>
/// <param name="Subject">The subject; ticket mail carries the tag <c>[#983177]</c>.</param>
/// <param name="TextBody">The plain-text body, always present.</param>
/// <param name="HtmlBody">An optional HTML alternative.</param>
/// <param name="Category">What kind of mail this is, shown on the message-tracking page.</param>
/// <param name="Attachments">Files sent with the message (e.g. a report in PDF); none when null.</param>
public sealed record OutgoingEmail(string To, string? ToName, string Subject, string TextBody, string? HtmlBody, string Category, IReadOnlyList<OutgoingAttachment>? Attachments = null);

/// <summary>A file an email carries, kept in the outbox with the message until it is sent.</summary>
/// <param name="FileName">The name the recipient sees, e.g. <c>RCA-INC-0001.pdf</c>.</param>
/// <param name="ContentType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record OutgoingAttachment(string FileName, string ContentType, byte[] Content);
