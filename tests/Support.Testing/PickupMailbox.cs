using MimeKit;

namespace Support.Testing;

/// <summary>The host's pickup folder read as a mailbox: what a mail server would have received.</summary>
public sealed class PickupMailbox
{
    private readonly string _folder;

    public PickupMailbox(SupportHostFactory host) => _folder = Path.Combine(host.DataFolder, "mail-pickup");

    public IReadOnlyList<MimeMessage> All()
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(_folder, "*.eml").OrderBy(File.GetCreationTimeUtc).Select(f => MimeMessage.Load(f))];
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> whose subject contains <paramref name="subject"/> have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, string subject, int count = 1) =>
        await Eventually.WaitForAsync(
            () => Task.FromResult<IReadOnlyList<MimeMessage>>([.. To(address).Where(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))]),
            messages => messages.Count >= count,
            $"{count} email(s) to {address} about \"{subject}\"");

    /// <summary>The first access link in a message's text.</summary>
    public static string AccessLinkPath(MimeMessage message)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf("/tickets/access/", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("The message carries no access link: " + text);
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[start..end];
    }
}
