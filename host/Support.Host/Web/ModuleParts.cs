using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Support.Kernel.Modules;

namespace Support.Host.Web;

/// <summary>
/// Puts the enabled modules' pages into MVC and keeps the disabled ones out, so a disabled module's
/// URLs answer 404. Modules are added explicitly: MVC only discovers libraries that reference its
/// packages, and the modules reference the shared framework instead.
/// </summary>
internal static class ModuleParts
{
    public static void KeepEnabledModulesOnly(ApplicationPartManager parts, ModuleCatalog modules)
    {
        foreach (var module in modules.All)
        {
            var assembly = module.Module.GetType().Assembly;
            var name = assembly.GetName().Name;
            foreach (var part in parts.ApplicationParts.Where(p => p.Name == name).ToList())
            {
                parts.ApplicationParts.Remove(part);
            }

            if (module.IsEnabled)
            {
                parts.ApplicationParts.Add(new AssemblyPart(assembly));
                parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
            }
        }
    }
}
