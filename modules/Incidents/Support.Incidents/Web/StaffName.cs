using System.Security.Claims;
using Support.Kernel.Staff;

namespace Support.Incidents.Web;

/// <summary>The signed-in member of staff's name, as the incident's timeline records who did what.</summary>
internal static class StaffName
{
    public static async Task<string> CurrentNameAsync(this ClaimsPrincipal user, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No member of staff is signed in.");
        var member = await staff.FindAsync(id, cancellationToken);
        return member?.DisplayName is { Length: > 0 } name ? name : user.Identity?.Name ?? id;
    }
}
