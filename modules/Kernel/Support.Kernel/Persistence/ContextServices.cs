using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Support.Kernel.Persistence;

/// <summary>
/// The host's singletons a pooled DbContext may need (caches it empties when it saves a change). A pooled
/// context has one constructor taking only its options; the host's services travel in those options.
/// </summary>
public static class ContextServices
{
    /// <summary>The host's <typeparamref name="T"/>, or null where the context runs without the host (design time).</summary>
    public static T? HostService<T>(this DbContextOptions options)
        where T : class =>
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}
