using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.KnowledgeBase.Data;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;

namespace Support.KnowledgeBase;

/// <summary>The knowledge base: procedures written by agents so customers can help themselves.</summary>
public sealed class KnowledgeBaseModule : IModule
{
    public string Name => "KnowledgeBase";

    public string TablePrefix => KnowledgeBaseDbContext.Prefix;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<KnowledgeBaseDbContext>(Name, TablePrefix);
}
