/** Form parts of the stories pages: labelled fields that keep the input and show their own error. */
export {
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  Saved,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/form-fields.js';
