using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Region",
                table: "ticketing_company",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Region",
                table: "ticketing_company");
        }
    }
}
