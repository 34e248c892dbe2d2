using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionBoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionCards_RaisedOn_DepartmentId",
                table: "SupervisionCards");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionCards_RaisedOn_DepartmentId_WindowId_Level_State",
                table: "SupervisionCards",
                columns: new[] { "RaisedOn", "DepartmentId", "WindowId", "Level", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Board_Concluded",
                table: "Cases",
                columns: new[] { "State", "ClosedOn", "DepartmentId", "WindowId", "AcceptedOn", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisionCards_RaisedOn_DepartmentId_WindowId_Level_State",
                table: "SupervisionCards");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Board_Concluded",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionCards_RaisedOn_DepartmentId",
                table: "SupervisionCards",
                columns: new[] { "RaisedOn", "DepartmentId" });
        }
    }
}
