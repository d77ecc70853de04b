using System.Text;

namespace Support.Kernel.Content;

/// <summary>A file as uploaded: its name, what the browser claimed it is, and its bytes.</summary>
public sealed record UploadedFile(string FileName, string ClaimedContentType, byte[] Content);

/// <summary>A file the policy accepted: the type comes from its content.</summary>
public sealed record AcceptedFile(string FileName, string ContentType, byte[] Content);

/// <summary>Why a file was refused, for the message shown next to it.</summary>
public enum RefusalReason
{
    TooMany,
    TooLarge,
    Empty,
    TypeNotAccepted,
    ContentDoesNotMatchName,
}

/// <summary>A refused file and why.</summary>
public sealed record RefusedFile(string FileName, RefusalReason Reason);

/// <summary>
/// What may be attached to a ticket: at most five files of 2 MB, of the types support staff open every
/// day (documents, images, archives, logs), each recognised from its first bytes. Executables, scripts,
/// HTML and SVG (which can carry script) are refused whatever their name says.
/// </summary>
public static class AttachmentPolicy
{
    public const int MaxFiles = 5;
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly byte[] MachO32 = [0xCE, 0xFA, 0xED, 0xFE];
    private static readonly byte[] MachO64 = [0xCF, 0xFA, 0xED, 0xFE];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly Dictionary<string, string> TextTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain",
        [".log"] = "text/plain",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".eml"] = "message/rfc822",
    };

    private static readonly Dictionary<string, string> ZipTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".zip"] = "application/zip",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    private static readonly Dictionary<string, string> LegacyOfficeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".msg"] = "application/vnd.ms-outlook",
    };

    /// <summary>The extensions accepted, for the form's <c>accept</c> attribute and its help text.</summary>
    public static IEnumerable<string> AcceptedExtensions =>
        new[] { ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp" }
            .Concat(TextTypes.Keys).Concat(ZipTypes.Keys).Concat(LegacyOfficeTypes.Keys);

    public static (IReadOnlyList<AcceptedFile> Accepted, IReadOnlyList<RefusedFile> Refused) Check(IReadOnlyList<UploadedFile> files)
    {
        var accepted = new List<AcceptedFile>();
        var refused = new List<RefusedFile>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var name = SafeFileName(file.FileName);
            if (i >= MaxFiles)
            {
                refused.Add(new RefusedFile(name, RefusalReason.TooMany));
            }
            else if (file.Content.Length == 0)
            {
                refused.Add(new RefusedFile(name, RefusalReason.Empty));
            }
            else if (file.Content.Length > MaxBytes)
            {
                refused.Add(new RefusedFile(name, RefusalReason.TooLarge));
            }
            else
            {
                var (type, reason) = Recognise(name, file.Content);
                if (type is null)
                {
                    refused.Add(new RefusedFile(name, reason));
                }
                else
                {
                    accepted.Add(new AcceptedFile(name, type, file.Content));
                }
            }
        }

        return (accepted, refused);
    }

    private static (string? ContentType, RefusalReason Reason) Recognise(string name, byte[] content)
    {
        var extension = Path.GetExtension(name);
        var span = content.AsSpan();
        if (span.StartsWith("MZ"u8) || span.StartsWith("\u007FELF"u8) || span.StartsWith("#!"u8)
            || span.StartsWith(MachO32) || span.StartsWith(MachO64))
        {
            return (null, KnownExtension(extension) ? RefusalReason.ContentDoesNotMatchName : RefusalReason.TypeNotAccepted);
        }

        string? detected = extension.ToLowerInvariant() switch
        {
            ".pdf" when span.StartsWith("%PDF-"u8) => "application/pdf",
            ".png" when span.StartsWith(Png) => "image/png",
            ".jpg" or ".jpeg" when span.StartsWith(Jpeg) => "image/jpeg",
            ".gif" when span.StartsWith("GIF87a"u8) || span.StartsWith("GIF89a"u8) => "image/gif",
            ".webp" when span.Length > 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8) => "image/webp",
            ".bmp" when span.StartsWith("BM"u8) => "image/bmp",
            var e when ZipTypes.TryGetValue(e, out var zip) && span.StartsWith("PK\x03\x04"u8) => zip,
            var e when LegacyOfficeTypes.TryGetValue(e, out var office) && span.StartsWith(CompoundFile) => office,
            var e when TextTypes.TryGetValue(e, out var text) && IsText(content) => text,
            _ => null,
        };
        if (detected is not null)
        {
            return (detected, RefusalReason.TypeNotAccepted);
        }

        return (null, KnownExtension(extension) ? RefusalReason.ContentDoesNotMatchName : RefusalReason.TypeNotAccepted);
    }

    private static bool KnownExtension(string extension) =>
        AcceptedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>Text is UTF-8 (or ASCII) without NUL bytes, and not markup a browser would run.</summary>
    private static bool IsText(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
            return !(head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
                || head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<script", StringComparison.OrdinalIgnoreCase));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The name without any folder part or control characters, at most 255 characters.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\').ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "file";
        }

        return name.Length <= 255 ? name : name[..200] + Path.GetExtension(name)[..Math.Min(Path.GetExtension(name).Length, 20)];
    }
}
