using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Workflows.Data.Migrations
{
    /// <inheritdoc />
    public partial class Engine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflows_business_calendars",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_business_calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_definitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionVersionId = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentActivities = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: true),
                    ActivityType = table.Column<string>(type: "TEXT", nullable: true),
                    Event = table.Column<string>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_triggers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DefinitionId = table.Column<string>(type: "TEXT", nullable: false),
                    DefinitionVersionId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    Stimulus = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_triggers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_bookmarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    Stimulus = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_bookmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflows_bookmarks_workflows_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "workflows_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflows_timers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BookmarkId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_timers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflows_timers_workflows_bookmarks_BookmarkId",
                        column: x => x.BookmarkId,
                        principalTable: "workflows_bookmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_bookmarks_InstanceId",
                table: "workflows_bookmarks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_bookmarks_Stimulus_Hash",
                table: "workflows_bookmarks",
                columns: new[] { "Stimulus", "Hash" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_business_calendars_Name",
                table: "workflows_business_calendars",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_definitions_DefinitionId_Version",
                table: "workflows_definitions",
                columns: new[] { "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_incidents_InstanceId",
                table: "workflows_incidents",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_instances_DefinitionId_CorrelationId",
                table: "workflows_instances",
                columns: new[] { "DefinitionId", "CorrelationId" },
                unique: true,
                filter: "CorrelationId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_instances_Status_UpdatedAtUtc",
                table: "workflows_instances",
                columns: new[] { "Status", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_instances_UpdatedAtUtc",
                table: "workflows_instances",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_journal_InstanceId",
                table: "workflows_journal",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timers_BookmarkId",
                table: "workflows_timers",
                column: "BookmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timers_DueAtUtc",
                table: "workflows_timers",
                column: "DueAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timers_LeaseOwner",
                table: "workflows_timers",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_timers_LeaseUntilUtc",
                table: "workflows_timers",
                column: "LeaseUntilUtc");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_triggers_DefinitionId",
                table: "workflows_triggers",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_triggers_Stimulus",
                table: "workflows_triggers",
                column: "Stimulus");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_business_calendars");

            migrationBuilder.DropTable(
                name: "workflows_definitions");

            migrationBuilder.DropTable(
                name: "workflows_incidents");

            migrationBuilder.DropTable(
                name: "workflows_journal");

            migrationBuilder.DropTable(
                name: "workflows_timers");

            migrationBuilder.DropTable(
                name: "workflows_triggers");

            migrationBuilder.DropTable(
                name: "workflows_bookmarks");

            migrationBuilder.DropTable(
                name: "workflows_instances");
        }
    }
}
