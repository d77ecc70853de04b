using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Support.Kernel.Modules;

namespace Support.Host.Web;

/// <summary>Takes a disabled module's pages out of MVC, so its URLs answer 404.</summary>
internal static class ModuleParts
{
    public static void KeepEnabledModulesOnly(ApplicationPartManager parts, ModuleCatalog modules)
    {
        var disabled = modules.All
            .Where(m => !m.IsEnabled)
            .Select(m => m.Module.GetType().Assembly.GetName().Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var part in parts.ApplicationParts.Where(p => disabled.Contains(p.Name)).ToList())
        {
            parts.ApplicationParts.Remove(part);
        }
    }
}
