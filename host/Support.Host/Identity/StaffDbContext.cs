using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Support.Kernel.Persistence;

namespace Support.Host.Identity;

/// <summary>Staff accounts and roles (ASP.NET Core Identity), in tables prefixed <c>staff_</c>.</summary>
internal sealed class StaffDbContext : IdentityDbContext<StaffUser, IdentityRole, string>
{
    public const string Prefix = "staff";

    /// <summary>Any saved change to accounts or roles empties the staff list cache.</summary>
    public StaffDbContext(DbContextOptions<StaffDbContext> options)
        : base(options)
    {
        if (options.HostService<StaffListCache>() is { } staffList)
        {
            SavedChanges += (_, _) => staffList.Invalidate();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>(user =>
        {
            user.ToTable(Prefix + "_users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityRole>().ToTable(Prefix + "_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable(Prefix + "_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable(Prefix + "_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable(Prefix + "_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable(Prefix + "_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable(Prefix + "_role_claims");
    }
}

internal sealed class StaffDesignTimeDbContextFactory : DesignTimeDbContextFactory<StaffDbContext>
{
    protected override string TablePrefix => StaffDbContext.Prefix;
}
