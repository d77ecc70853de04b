using System.Runtime.Loader;
using NetArchTest.Rules;

namespace Support.ArchitectureTests;

public sealed class PluginBoundaryTests
{
    /// <summary>What the host shares with plugin load contexts: the channel abstractions and the workflow activity API.</summary>
    private static readonly System.Reflection.Assembly[] SharedWithPlugins = [Solution.PluginAbstractions, Solution.WorkflowsContracts];

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
                context.Resolving += (_, name) => SharedWithPlugins.FirstOrDefault(a => a.GetName().Name == name.Name);
                var plugin = context.LoadFromAssemblyPath(path);
                var productReferences = plugin.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Support.", StringComparison.Ordinal) || n == "MediatR");

                Assert.Empty(productReferences.Except(SharedWithPlugins.Select(a => a.GetName().Name!)));
                Assert.Contains("Support.Plugins.Abstractions", productReferences);
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
    public void Plugin_folders_do_not_ship_their_own_copy_of_what_the_host_shares()
    {
        foreach (var path in Solution.PluginAssemblyPaths())
        {
            foreach (var shared in SharedWithPlugins.Select(a => a.GetName().Name + ".dll").Append("Support.Kernel.Contracts.dll").Append("MediatR.dll"))
            {
                Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, shared)), $"{path} ships {shared}.");
            }
        }
    }

    [Fact]
    public void Abstractions_share_nothing_of_the_product_but_themselves()
    {
        var referenced = Solution.PluginAbstractions.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.DoesNotContain(referenced, name => name.StartsWith("Support.", StringComparison.Ordinal) || name == "MediatR");
    }
}
