using Microsoft.EntityFrameworkCore;
using Support.Kernel.Staff;

namespace Support.Host.Identity;

/// <summary>The staff accounts as the modules see them (they never read the identity tables).</summary>
internal sealed class StaffDirectory : IStaffDirectory
{
    private readonly StaffDbContext _db;
    private readonly StaffListCache _cache;
    private readonly TimeProvider _clock;

    public StaffDirectory(StaffDbContext db, StaffListCache cache, TimeProvider clock)
    {
        _db = db;
        _cache = cache;
        _clock = clock;
    }

    /// <summary>Every member of staff: read once and kept until an account or a role changes (the agent console lists them on every page).</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_cache.TryGet(now, out var cached, out var version))
        {
            return cached;
        }

        var adminIds = await AdminIdsAsync(cancellationToken);
        var users = await _db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        IReadOnlyList<StaffMember> staff = [.. users.Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? "", adminIds.Contains(u.Id)))];
        _cache.Set(staff, version, now);
        return staff;
    }

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
internal sealed class StaffListCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private IReadOnlyList<StaffMember>? _staff;
    private DateTimeOffset _readAt;
    private long _version;

    /// <summary>The cached list when it is fresh; otherwise false, with the version to hand back to <see cref="Set"/>.</summary>
    public bool TryGet(DateTimeOffset now, out IReadOnlyList<StaffMember> staff, out long version)
    {
        lock (_lock)
        {
            version = _version;
            if (_staff is not null && now - _readAt < Lifetime)
            {
                staff = _staff;
                return true;
            }

            staff = [];
            return false;
        }
    }

    /// <summary>Keeps a list read at <paramref name="version"/>, unless the staff changed while it was being read.</summary>
    public void Set(IReadOnlyList<StaffMember> staff, long version, DateTimeOffset readAt)
    {
        lock (_lock)
        {
            if (version == _version)
            {
                _staff = staff;
                _readAt = readAt;
            }
        }
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _version++;
            _staff = null;
        }
    }
}
