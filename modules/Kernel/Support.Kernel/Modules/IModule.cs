using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Support.Kernel.Modules;

/// <summary>The entry point of a module: the host lists the modules it ships and calls these in order.</summary>
public interface IModule
{
    /// <summary>The module's name: project, assembly, Razor area and configuration key (<c>Modules:&lt;Name&gt;</c>).</summary>
    string Name { get; }

    /// <summary>The prefix of the module's tables and of its migrations-history table.</summary>
    string TablePrefix { get; }

    /// <summary>Registers the module's services, its DbContext and its handlers' dependencies.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps endpoints other than Razor Pages (which are discovered from the module's area).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
