namespace Support.Host.Web;

/// <summary>The names of the rate-limiting policies.</summary>
internal static class RateLimits
{
    public const string StaffLogin = "staff-login";
}
