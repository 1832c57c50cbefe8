package org.openicr.web.record;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openicr.record.boundary.CareRecord;
import org.openicr.record.boundary.ItemView;
import org.openicr.record.boundary.RecordOverview;
import org.openicr.record.entity.Category;
import org.openicr.web.session.ActiveProfile;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The record page: the banner, every category with its count or "not available to your role", and
 * the selected category's items, paged in the database. Sends the reader to the reason page first
 * when no valid reason is on record.
 */
@Named
@ViewScoped
public class RecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient CareRecord careRecord;

    @Inject
    ActiveProfile activeProfile;

    private Long person;
    private String category;
    private RecordOverview overview;

    private final LazyDataModel<ItemView> items = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) overview.count(selected());
        }

        @Override
        public List<ItemView> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return careRecord.items(activeProfile.id(), person, selected(), first, pageSize);
        }

        @Override
        public String getRowKey(ItemView item) {
            return Long.toString(item.id());
        }

        @Override
        public ItemView getRowData(String rowKey) {
            return null;
        }
    };

    public void load() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (person == null || !activeProfile.isChosen()) {
            external.redirect(external.getRequestContextPath() + "/home.xhtml");
            return;
        }
        overview = careRecord.open(activeProfile.id(), person);
        if (overview.reasonRequired()) {
            external.redirect(external.getRequestContextPath() + "/record/reason.xhtml?person=" + person);
        }
    }

    public Category selected() {
        if (category != null) {
            try {
                return Category.valueOf(category);
            } catch (IllegalArgumentException unknown) {
                return firstPermitted();
            }
        }
        return firstPermitted();
    }

    private Category firstPermitted() {
        return Arrays.stream(Category.values())
                .filter(c -> c.isItemCategory() && overview.permits(c))
                .findFirst()
                .orElse(Category.DEMOGRAPHICS);
    }

    public List<Category> getCategories() {
        return Arrays.stream(Category.values()).filter(Category::isItemCategory).toList();
    }

    public LazyDataModel<ItemView> getItems() {
        return items;
    }

    public RecordOverview getOverview() {
        return overview;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }
}
