using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Support.Kernel.Modules;
using Support.Kernel.Persistence;
using Support.Kernel.Web;
using Support.KnowledgeBase.Data;
using Support.KnowledgeBase.Features.Categories;
using Support.KnowledgeBase.Search;

namespace Support.KnowledgeBase;

/// <summary>The knowledge base: procedures written by agents so customers can help themselves.</summary>
public sealed class KnowledgeBaseModule : IModule
{
    /// <summary>The host's authorization policy for any member of staff.</summary>
    private const string StaffPolicy = "Staff";

    public string Name => "KnowledgeBase";

    public string TablePrefix => KnowledgeBaseDbContext.Prefix;

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        Web.AttachmentDownloads.Map(endpoints, StaffPolicy);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<KnowledgeBaseDbContext>(Name, TablePrefix);
        services.AddSingleton(new SearchCache(configuration.GetValue($"Modules:{Name}:KeepSearchResults", true)));
        services.AddScoped<ArticleSearch>();
        services.AddHostedService<DefaultCategories>();
        services.AddSingleton(new NavigationLink(NavigationArea.Portal, 20, "/kb", "Knowledge base", "Base de connaissances"));
        services.AddSingleton(new NavigationLink(NavigationArea.Staff, 40, "/Staff/KnowledgeBase", "Knowledge base", "Base de connaissances"));
    }
}
