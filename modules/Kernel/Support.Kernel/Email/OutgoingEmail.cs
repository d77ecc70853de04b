namespace Support.Kernel.Email;

/// <summary>An email a module wants sent.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, if known.</param>
/// <param name="Subject">The subject; ticket mail carries the tag <c>[#983177]</c>.</param>
/// <param name="TextBody">The plain-text body, always present.</param>
/// <param name="HtmlBody">An optional HTML alternative.</param>
/// <param name="Category">What kind of mail this is, shown on the message-tracking page.</param>
public sealed record OutgoingEmail(string To, string? ToName, string Subject, string TextBody, string? HtmlBody, string Category);
