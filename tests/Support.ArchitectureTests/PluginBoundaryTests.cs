using System.Runtime.Loader;
using NetArchTest.Rules;

namespace Support.ArchitectureTests;

public sealed class PluginBoundaryTests
{
    [Fact]
    public void Plugins_reference_only_the_abstractions_of_the_product()
    {
        var paths = Solution.PluginAssemblyPaths().ToList();
        Assert.NotEmpty(paths);

        foreach (var path in paths)
        {
            var context = new AssemblyLoadContext(Path.GetFileName(path), isCollectible: true);
            try
            {
                context.Resolving += (_, name) => name.Name == Solution.PluginAbstractions.GetName().Name ? Solution.PluginAbstractions : null;
                var plugin = context.LoadFromAssemblyPath(path);
                var productReferences = plugin.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Support.", StringComparison.Ordinal) || n == "MediatR");

                Assert.Equal(["Support.Plugins.Abstractions"], productReferences);
                var result = Types.InAssembly(plugin).ShouldNot()
                    .HaveDependencyOnAny("Support.Kernel", "Support.Host", "MediatR", "Microsoft.EntityFrameworkCore")
                    .GetResult();
                Assert.True(result.IsSuccessful, ModuleBoundaryTests.Describe(result));
            }
            finally
            {
                context.Unload();
            }
        }
    }

    [Fact]
    public void Plugin_folders_do_not_ship_their_own_copy_of_the_abstractions()
    {
        foreach (var path in Solution.PluginAssemblyPaths())
        {
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "Support.Plugins.Abstractions.dll")), $"{path} ships Abstractions.");
        }
    }

    [Fact]
    public void Abstractions_share_nothing_of_the_product_but_themselves()
    {
        var referenced = Solution.PluginAbstractions.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(referenced, name => name.StartsWith("Support.", StringComparison.Ordinal) || name == "MediatR");
    }
}
