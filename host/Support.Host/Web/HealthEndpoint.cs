using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Support.Kernel.Persistence;

namespace Support.Host.Web;

/// <summary><c>/health</c>: the database answers and the host is up, as JSON for monitoring.</summary>
internal static class HealthEndpoint
{
    public static IHealthChecksBuilder AddSupportHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

    public static IEndpointConventionBuilder MapSupportHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).DisableRateLimiting();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private sealed class DatabaseHealthCheck : IHealthCheck
    {
        private readonly KernelDbContext _db;

        public DatabaseHealthCheck(KernelDbContext db) => _db = db;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await _db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("SQLite answers")
                : HealthCheckResult.Unhealthy("SQLite does not answer");
    }
}
