using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Support.Kernel.Persistence;

/// <summary>The folder that holds the database, blobs and the mail pickup folder (<c>DataFolder</c>).</summary>
public sealed class DataFolder
{
    public DataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["DataFolder"];
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(environment.ContentRootPath, "App_Data")
            : System.IO.Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Resolve(string relativeOrAbsolute) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativeOrAbsolute));
}
