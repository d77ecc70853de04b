using Microsoft.AspNetCore.Identity;

namespace Support.Host.Identity;

/// <summary>A member of staff: an agent or an admin of the support centre.</summary>
internal sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>The staff roles.</summary>
internal static class StaffRoles
{
    public const string Agent = "Agent";
    public const string Admin = "Admin";

    public static readonly string[] All = [Agent, Admin];
}

/// <summary>The authorization policies of the staff console.</summary>
internal static class StaffPolicies
{
    /// <summary>Any member of staff (agent or admin).</summary>
    public const string Staff = "Staff";

    /// <summary>Admins only.</summary>
    public const string Admin = "Admin";
}
