using System.Security.Claims;
using Support.Kernel.Staff;
using Support.Ticketing.Features.AgentConsole;

namespace Support.Ticketing.Web;

/// <summary>The signed-in member of staff as the ticket commands record them.</summary>
internal static class StaffIdentity
{
    public static async Task<Agent> CurrentAgentAsync(this ClaimsPrincipal user, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No member of staff is signed in.");
        var member = await staff.FindAsync(id, cancellationToken);
        return new Agent(id, member?.DisplayName is { Length: > 0 } name ? name : user.Identity?.Name ?? id);
    }
}
