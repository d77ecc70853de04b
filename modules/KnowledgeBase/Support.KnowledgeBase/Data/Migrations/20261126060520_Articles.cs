using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.KnowledgeBase.Data.Migrations
{
    /// <inheritdoc />
    public partial class Articles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledgebase_category",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpTopicKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledgebase_category", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledgebase_article",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceTicketNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ViewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledgebase_article", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledgebase_article_knowledgebase_category_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "knowledgebase_category",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledgebase_article_attachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledgebase_article_attachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledgebase_article_attachment_knowledgebase_article_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "knowledgebase_article",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledgebase_article_revision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorStaffId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RestoredFrom = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledgebase_article_revision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledgebase_article_revision_knowledgebase_article_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "knowledgebase_article",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledgebase_suggestion_opening",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FollowedByTicket = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledgebase_suggestion_opening", x => x.Id);
                    table.ForeignKey(
                        name: "FK_knowledgebase_suggestion_opening_knowledgebase_article_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "knowledgebase_article",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_article_CategoryId_Status_Visibility_Title",
                table: "knowledgebase_article",
                columns: new[] { "CategoryId", "Status", "Visibility", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_article_UpdatedAtUtc",
                table: "knowledgebase_article",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_article_attachment_ArticleId",
                table: "knowledgebase_article_attachment",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_article_revision_ArticleId_Number",
                table: "knowledgebase_article_revision",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_category_SortOrder",
                table: "knowledgebase_category",
                column: "SortOrder");

            migrationBuilder.CreateIndex(
                name: "IX_knowledgebase_suggestion_opening_ArticleId_FollowedByTicket_OpenedAtUtc",
                table: "knowledgebase_suggestion_opening",
                columns: new[] { "ArticleId", "FollowedByTicket", "OpenedAtUtc" });

            ArticleSearchIndex.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ArticleSearchIndex.Drop(migrationBuilder);

            migrationBuilder.DropTable(
                name: "knowledgebase_article_attachment");

            migrationBuilder.DropTable(
                name: "knowledgebase_article_revision");

            migrationBuilder.DropTable(
                name: "knowledgebase_suggestion_opening");

            migrationBuilder.DropTable(
                name: "knowledgebase_article");

            migrationBuilder.DropTable(
                name: "knowledgebase_category");
        }
    }
}
