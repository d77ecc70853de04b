using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Support.Ticketing.Portal;

/// <summary>Which ticket a customer's browser may see, and through which access link.</summary>
internal sealed record CustomerGrant(long TicketId, long AccessLinkId);

/// <summary>
/// The customer's session after opening an access link: a protected, HTTP-only cookie naming the
/// ticket and the link. The link is checked again on every request, so revoking it ends the session.
/// The token itself never stays in the address bar or in a Referer header.
/// </summary>
internal sealed class CustomerAccess
{
    public const string CookieName = "support.ticket";
    private readonly IDataProtector _protector;

    public CustomerAccess(IDataProtectionProvider dataProtection) =>
        _protector = dataProtection.CreateProtector("Support.Ticketing.CustomerAccess.v1");

    public void SignIn(HttpContext context, CustomerGrant grant, DateTime expiresAtUtc)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{grant.TicketId}:{grant.AccessLinkId}");
        context.Response.Cookies.Append(CookieName, _protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/tickets",
            Expires = expiresAtUtc,
            IsEssential = true,
        });
    }

    public CustomerGrant? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split(':');
            return parts.Length == 2
                && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticketId)
                && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var linkId)
                ? new CustomerGrant(ticketId, linkId)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void SignOut(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/tickets" });
}
