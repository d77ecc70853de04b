namespace Support.Kernel.Staff;

/// <summary>A member of staff as modules see them: who they are and how to reach them.</summary>
/// <param name="Id">The staff account's id, stable for the life of the account.</param>
/// <param name="DisplayName">The name shown to colleagues and customers.</param>
/// <param name="Email">The address staff notifications go to.</param>
/// <param name="IsAdmin">Whether the account has the Admin role.</param>
public sealed record StaffMember(string Id, string DisplayName, string Email, bool IsAdmin);

/// <summary>
/// The staff accounts, provided by the host (which owns staff identity) to the modules, which need to
/// list agents for assignment and to notify them.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Every staff account that can sign in, by name.</summary>
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The account with that id, or null.</summary>
    Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken);
}
