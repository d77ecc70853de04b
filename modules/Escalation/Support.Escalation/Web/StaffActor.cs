using System.Security.Claims;
using Support.Kernel.Staff;

namespace Support.Escalation.Web;

/// <summary>The signed-in member of staff, as the escalation records name them.</summary>
internal sealed record StaffActor(string Id, string Name)
{
    public static async Task<StaffActor> CurrentAsync(ClaimsPrincipal user, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No member of staff is signed in.");
        var member = await staff.FindAsync(id, cancellationToken);
        return new StaffActor(id, member?.DisplayName is { Length: > 0 } name ? name : user.Identity?.Name ?? id);
    }
}
