using Microsoft.EntityFrameworkCore;
using Support.Kernel.Caching;
using Support.Kernel.Staff;

namespace Support.Host.Identity;

/// <summary>The staff accounts as the modules see them (they never read the identity tables).</summary>
internal sealed class StaffDirectory : IStaffDirectory
{
    private readonly StaffDbContext _db;
    private readonly StaffListCache _cache;

    public StaffDirectory(StaffDbContext db, StaffListCache cache)
    {
        _db = db;
        _cache = cache;
    }

    /// <summary>Every member of staff: read once and kept until an account or a role changes (the agent console lists them on every page).</summary>
    public Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) =>
        _cache.GetOrReadAsync(ReadListAsync, cancellationToken);

    public async Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await _db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var adminIds = await AdminIdsAsync(cancellationToken);
        return new StaffMember(user.Id, user.DisplayName, user.Email ?? "", adminIds.Contains(user.Id));
    }

    private async Task<IReadOnlyList<StaffMember>> ReadListAsync(CancellationToken cancellationToken)
    {
        var adminIds = await AdminIdsAsync(cancellationToken);
        var users = await _db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", adminIds.Contains(u.Id)))];
    }

    private async Task<HashSet<string>> AdminIdsAsync(CancellationToken cancellationToken)
    {
        var ids = await (from userRole in _db.UserRoles
                         join role in _db.Roles on userRole.RoleId equals role.Id
                         where role.Name == StaffRoles.Admin
                         select userRole.UserId).ToListAsync(cancellationToken);
        return [.. ids];
    }
}

/// <summary>
/// The staff list as last read. Every save of the staff tables in this host empties it (see
/// <see cref="StaffDbContext"/>); a change made by another host sharing the database is seen within
/// <see cref="Lifetime"/>.
/// </summary>
internal sealed class StaffListCache(TimeProvider clock) : SnapshotCache<IReadOnlyList<StaffMember>>(clock, Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
}
