package org.openicr.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openicr.access.boundary.MatrixAdministration;
import org.openicr.access.boundary.MatrixRow;
import org.openicr.vocabulary.Category;

/** The role-to-category matrix as a grid of checkboxes, saved in one go. */
@Named
@ViewScoped
public class MatrixBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient MatrixAdministration administration;

    private List<MatrixRow> rows;

    @PostConstruct
    void load() {
        rows = administration.rows();
    }

    public void save() {
        int changed = administration.save(rows);
        load();
        FacesContext.getCurrentInstance()
                .addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_INFO,
                                changed == 0 ? "Nothing changed." : changed + " role(s) changed.",
                                null));
    }

    public List<MatrixRow> getRows() {
        return rows;
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    /** A checkbox's value: bound as #{matrixBacking.cell(row, category).value}. */
    public Cell cell(MatrixRow row, Category category) {
        return new Cell(row, category);
    }

    /** One checkbox of the grid. */
    public static final class Cell {
        private final MatrixRow row;
        private final Category category;

        Cell(MatrixRow row, Category category) {
            this.row = row;
            this.category = category;
        }

        public boolean isValue() {
            return row.sees(category);
        }

        public void setValue(boolean value) {
            row.set(category, value);
        }
    }
}
