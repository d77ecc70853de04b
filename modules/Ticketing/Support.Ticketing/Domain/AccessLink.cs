using System.Buffers.Text;
using System.Security.Cryptography;

namespace Support.Ticketing.Domain;

/// <summary>
/// A link emailed to a customer that opens one ticket. Only the SHA-256 of the token is stored here, so
/// this table alone opens nothing (the sent emails, kept by the email outbox, still carry the links
/// until they expire); links expire and an agent can revoke them.
/// </summary>
internal sealed class AccessLink
{
    private AccessLink()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public Ticket? Ticket { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public DateTime? LastUsedAtUtc { get; private set; }

    /// <summary>Creates a link and returns the token to put in the email (never stored).</summary>
    public static (AccessLink Link, string Token) Issue(Ticket ticket, DateTime now, TimeSpan lifetime)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var link = new AccessLink
        {
            Ticket = ticket,
            TicketId = ticket.Id,
            TokenHash = Hash(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + lifetime,
        };
        return (link, token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    public bool IsUsable(DateTime now) => RevokedAtUtc is null && now < ExpiresAtUtc;

    /// <summary>Compares in constant time, so the comparison leaks nothing about a guessed token.</summary>
    public bool Matches(string token) => CryptographicOperations.FixedTimeEquals(TokenHash, Hash(token));

    public void MarkUsed(DateTime now) => LastUsedAtUtc = now;

    public void Revoke(DateTime now) => RevokedAtUtc ??= now;
}
