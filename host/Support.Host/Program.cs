using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Support.Host;
using Support.Host.Identity;
using Support.Host.Plugins;
using Support.Host.Web;
using Support.Kernel;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

var builder = WebApplication.CreateBuilder(args);
var hostVersion = typeof(Program).Assembly.GetName().Version ?? new Version(1, 0);

var dataFolder = new DataFolder(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(dataFolder);
var modules = new ModuleCatalog(ModuleRegistry.Shipped(), builder.Configuration);
builder.Services.AddSingleton(modules);
builder.Services.AddKernel(builder.Configuration, modules.EnabledAssemblies);
foreach (var module in modules.Enabled)
{
    module.AddServices(builder.Services, builder.Configuration);
}

// Settings admins save on the plugin settings pages, over appsettings.json and the environment.
var pluginSettings = new PluginSettingsStore(Path.Combine(dataFolder.Path, "plugin-settings.json"));
((IConfigurationBuilder)builder.Configuration).Add(pluginSettings);
builder.Services.AddSingleton(pluginSettings);
var plugins = PluginCatalog.Load(builder.Configuration, hostVersion);
plugins.ConfigureServices(builder.Services, builder.Configuration);
builder.Services.AddSingleton(plugins);
builder.Services.AddHostedService<ChannelPollerRunner>();

builder.Services.AddModuleDbContext<StaffDbContext>("Staff", StaffDbContext.Prefix);
builder.Services
    .AddIdentity<StaffUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 4;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
        options.Lockout.DefaultLockoutTimeSpan = builder.Configuration.GetValue("Identity:LockoutDuration", TimeSpan.FromMinutes(15));
    })
    .AddEntityFrameworkStores<StaffDbContext>()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Staff/Login";
    options.LogoutPath = "/Staff/Logout";
    options.AccessDeniedPath = "/Staff/AccessDenied";
    options.Cookie.Name = "support.staff";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.SlidingExpiration = true;
    options.ExpireTimeSpan = TimeSpan.FromHours(10);
    // Identity re-reads the account (security stamp) once the ValidationInterval has passed since the
    // cookie was issued. Its validator needs the sign-in and user managers and a DbContext, so it is
    // built only when a check is due, not on every request just to learn that none is.
    options.Events.OnValidatePrincipal = context =>
    {
        var stamp = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (stamp.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= stamp.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    };
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(StaffPolicies.Staff, policy => policy.RequireRole(StaffRoles.Agent, StaffRoles.Admin))
    .AddPolicy(StaffPolicies.Admin, policy => policy.RequireRole(StaffRoles.Admin));
builder.Services.AddScoped<FirstAdminBootstrap>();
builder.Services.AddScoped<Support.Kernel.Staff.IStaffDirectory, StaffDirectory>();
builder.Services.AddSingleton<StaffListCache>();
builder.Services.AddDataProtection()
    .SetApplicationName("Support.Modular")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder.Path, "keys")));

builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Sign-in attempts (POSTs) per client address; showing the form is not limited.
    options.AddPolicy(RateLimits.StaffLogin, context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = builder.Configuration.GetValue("RateLimits:StaffLoginPerMinute", 10),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
        : RateLimitPartition.GetNoLimiter("form"));
});

builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
// French text is written as characters, not as numeric entities; HTML-significant characters are still encoded.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
var mvc = builder.Services
    .AddRazorPages(options =>
    {
        options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
        options.Conventions.AuthorizeFolder("/Staff/Admin", StaffPolicies.Admin);
        options.Conventions.AllowAnonymousToPage("/Staff/Login");
        options.Conventions.AllowAnonymousToPage("/Staff/AccessDenied");
        plugins.AuthorizeAdminPages(options.Conventions, StaffPolicies.Admin);
        foreach (var module in modules.All)
        {
            options.Conventions.AuthorizeAreaFolder(module.Module.Name, "/Staff", StaffPolicies.Staff);
            options.Conventions.AuthorizeAreaFolder(module.Module.Name, "/Staff/Admin", StaffPolicies.Admin);
        }
    })
    // Forms are validated on the server only (no client-validation script is shipped): without this,
    // every empty validation summary carried a hidden item with an inline style, which the CSP refuses,
    // and every input carried data-val-* attributes nothing reads.
    .AddViewOptions(options => options.HtmlHelperOptions.ClientValidationEnabled = false)
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(options =>
        options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .ConfigureApplicationPartManager(parts =>
    {
        ModuleParts.KeepEnabledModulesOnly(parts, modules);
        plugins.AddApplicationParts(parts);
    });

// Runtime compilation serves the themes/ folder (an operator's copy of a view wins over the built-in
// one, without a rebuild) and, in development, edits to the views themselves.
var themesPath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Themes:Path"] ?? "themes"));
Directory.CreateDirectory(themesPath);
mvc.AddRazorRuntimeCompilation(options =>
{
    options.FileProviders.Clear();
    // Polling rather than inotify: an operator's folder may sit on a network share, and the
    // watcher instances of the host are limited.
    options.FileProviders.Add(new PhysicalFileProvider(themesPath) { UsePollingFileWatcher = true, UseActivePolling = true });
    if (builder.Environment.IsDevelopment())
    {
        options.FileProviders.Add(new PhysicalFileProvider(builder.Environment.ContentRootPath));
    }
});

builder.Services.AddSupportHealthChecks();

var app = builder.Build();

var startupLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Support.Host");
foreach (var record in plugins.All)
{
    if (record.State == PluginState.Failed)
    {
        StartupLog.PluginFailed(startupLog, record.Folder, record.Error ?? "");
    }
    else
    {
        StartupLog.PluginState(startupLog, record.Name, record.Version ?? "?", record.State.ToString());
    }
}

await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<FirstAdminBootstrap>().RunAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseStaticFiles();
app.UseRequestLocalization(Localization.Options());
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<PluginPageFaults>();

app.MapSupportHealth();
app.MapRazorPages();
foreach (var module in modules.Enabled)
{
    module.MapEndpoints(app);
}

app.Run();

/// <summary>The host's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin folder {Folder} failed to load: {Error}")]
    public static partial void PluginFailed(ILogger logger, string folder, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Name} {Version}: {State}")]
    public static partial void PluginState(ILogger logger, string name, string version, string state);
}
